package dev.marquee.it.probe;

import dev.marquee.polling.boundary.AccountPolling;
import dev.marquee.polling.boundary.Demand;
import dev.marquee.polling.boundary.PlaybackChanged;
import dev.marquee.polling.boundary.PollingStatus;
import dev.marquee.polling.entity.Playback;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only window on polling: watch and unwatch accounts as screens will, read the status the
 * console reads, and count the {@link PlaybackChanged} events the push layer will receive.
 */
@Path("it/polling")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PollingProbe {

  @Inject Demand demand;

  @Inject PollingStatus status;

  private final Map<UUID, AtomicLong> events = new ConcurrentHashMap<>();

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlaybackChanged change) {
    events.computeIfAbsent(change.accountId(), id -> new AtomicLong()).incrementAndGet();
  }

  @POST
  @Path("accounts/{account}/watch")
  public Response watch(@PathParam("account") UUID account) {
    demand.watch(account);
    return Response.noContent().build();
  }

  @POST
  @Path("accounts/{account}/unwatch")
  public Response unwatch(@PathParam("account") UUID account) {
    demand.unwatch(account);
    return Response.noContent().build();
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
