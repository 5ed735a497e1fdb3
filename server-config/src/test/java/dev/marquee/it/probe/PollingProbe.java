package dev.marquee.it.probe;

import dev.marquee.polling.boundary.AccountPolling;
import dev.marquee.polling.boundary.AccountPolls;
import dev.marquee.polling.boundary.Claim;
import dev.marquee.polling.boundary.Demand;
import dev.marquee.polling.boundary.PlaybackChanged;
import dev.marquee.polling.boundary.PollSchedules;
import dev.marquee.polling.boundary.PollingStatus;
import dev.marquee.polling.control.PollingSettings;
import dev.marquee.polling.entity.Playback;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Test-only window on polling: watch and unwatch accounts as screens will, read the status the
 * console reads, count the {@link PlaybackChanged} events the push layer will receive, and start a
 * rival poller that competes with the real one for the same accounts.
 */
@Path("polling")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PollingProbe {

  @Inject Demand demand;

  @Inject PollingStatus status;

  @Inject PollSchedules schedules;

  @Inject PollingStoreProbe store;

  @Inject AccountPolls polls;

  @Inject PollingSettings settings;

  @Resource ManagedExecutorService executor;

  @Resource jakarta.transaction.UserTransaction transaction;

  private final Map<UUID, AtomicLong> events = new ConcurrentHashMap<>();
  private final AtomicBoolean rivalRunning = new AtomicBoolean();
  private final Map<UUID, AtomicLong> rivalPolls = new ConcurrentHashMap<>();

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlaybackChanged change) {
    events.computeIfAbsent(change.accountId(), id -> new AtomicLong()).incrementAndGet();
  }

  @POST
  @Path("accounts/{account}/watch")
  public Response watch(@PathParam("account") UUID account) {
    demand.watch(account);
    return Response.noContent().build();
  }

  /** Watches several accounts in one transaction, so they all fall due at the same instant. */
  @POST
  @Path("watch-all")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  public Response watchAll(jakarta.json.JsonArray accounts) {
    store.watchAll(
        accounts.getValuesAs(jakarta.json.JsonString.class).stream()
            .map(id -> UUID.fromString(id.getString()))
            .toList());
    return Response.noContent().build();
  }

  @POST
  @Path("accounts/{account}/unwatch")
  public Response unwatch(@PathParam("account") UUID account) {
    demand.unwatch(account);
    return Response.noContent().build();
  }

  /**
   * Starts a second poller beside the {@code Poller} for {@code seconds}: it claims due accounts
   * with leases of its own, as another server on the same database does, and polls what it wins, so
   * both race for every due account in every slot.
   */
  @POST
  @Path("rival")
  public Response startRival(@QueryParam("seconds") int seconds) {
    if (seconds < 1 || seconds > 120 || !rivalRunning.compareAndSet(false, true)) {
      return Response.status(409).build();
    }
    rivalPolls.clear();
    Instant end = Instant.now().plusSeconds(seconds);
    executor.execute(() -> runRival(end));
    return Response.accepted().build();
  }

  /**
   * Claims one due account (for one second) inside a transaction of the caller's that is never
   * committed, and reads the account's lease from another transaction meanwhile: a claim must be
   * committed when {@code claim} returns, or the polls that follow it would not see their lease.
   */
  @POST
  @Path("claim-inside-a-transaction")
  public JsonObject claimInsideATransaction() throws Exception {
    transaction.begin();
    try {
      List<Claim> claims = schedules.claim(1, "probe:" + UUID.randomUUID(), Duration.ofSeconds(1));
      JsonObjectBuilder answer = Json.createObjectBuilder().add("claimed", claims.size());
      if (!claims.isEmpty()) {
        Claim claim = claims.get(0);
        String seen = executor.submit(() -> store.leaseTokenOf(claim.accountId())).get();
        answer.add("leaseToken", claim.leaseToken()).add("seenElsewhere", String.valueOf(seen));
      }
      return answer.build();
    } finally {
      transaction.rollback();
    }
  }

  /** Whether the rival still runs, and how many polls it won, per account. */
  @GET
  @Path("rival")
  public JsonObject rival() {
    JsonObjectBuilder polled = Json.createObjectBuilder();
    rivalPolls.forEach((account, polls) -> polled.add(account.toString(), polls.get()));
    return Json.createObjectBuilder()
        .add("running", rivalRunning.get())
        .add("polls", polled)
        .build();
  }

  private void runRival(Instant end) {
    try {
      while (Instant.now().isBefore(end)) {
        List<Claim> claims = schedules.claim(8, "rival:" + UUID.randomUUID(), settings.lease());
        for (Claim claim : claims) {
          polls.poll(claim);
          rivalPolls.computeIfAbsent(claim.accountId(), id -> new AtomicLong()).incrementAndGet();
        }
        // At a random cadence around the real heartbeat's: a fixed one would lock in phase with
        // the due times and win (or lose) every slot, and the two would not really race.
        long heartbeat = settings.heartbeat().toMillis();
        LockSupport.parkNanos(
            Duration.ofMillis(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2 * heartbeat + 1))
                .toNanos());
      }
    } finally {
      rivalRunning.set(false);
    }
  }

  @GET
  @Path("accounts/{account}")
  public Response state(@PathParam("account") UUID account) {
    return status
        .of(account)
        .map(polling -> Response.ok(json(polling)).build())
        .orElse(Response.status(404).build());
  }

  private JsonObject json(AccountPolling polling) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("status", polling.status().name())
            .add("watchers", polling.watchers())
            .add("version", polling.version())
            .add("events", events.getOrDefault(polling.accountId(), new AtomicLong()).get())
            .add("callsLastHour", polling.callsLastHour())
            .add("lastError", polling.lastError().orElse(""))
            .add("nextPollAt", polling.nextPollAt().map(Object::toString).orElse(""));
    polling
        .playback()
        .ifPresent(
            (Playback playback) ->
                json.add("kind", playback.kind().name())
                    .add("playing", playback.playing())
                    .add("title", playback.title() == null ? "" : playback.title())
                    .add("artists", playback.artists() == null ? "" : playback.artists())
                    .add("album", playback.album() == null ? "" : playback.album())
                    .add("progressMs", playback.progressMs())
                    .add("durationMs", playback.durationMs()));
    polling.feed().ifPresent(feed -> json.add("feed", feed.name()));
    return json.build();
  }
}
