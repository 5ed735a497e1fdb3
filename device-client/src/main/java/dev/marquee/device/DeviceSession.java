package dev.marquee.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.device.view.FeedState;
import dev.marquee.device.view.NowPlaying;
import dev.marquee.device.view.ScreenView;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The device's life with the server: pairs when it has no token, holds the feed, reconnects with
 * back-off and resumes with the version it shows, and publishes a {@link ScreenView} on every
 * change. Everything runs on one thread of its own, so its state needs no locks; WebSocket and
 * timer callbacks are handed to that thread, and those of a connection already given up are
 * ignored.
 */
final class DeviceSession implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DeviceSession.class.getName());

  /**
   * Closes after which reconnecting cannot help: the protocol says do not (4403 pairs again). 4401
   * (no hello in time) is not one: a slow link or a pause of this JVM can cause it, and an
   * unattended device must come back by itself.
   */
  private static final Set<Integer> FINAL_CLOSES = Set.of(1002, 1003, 1007, 1009, 4400);

  static final int TOKEN_REFUSED = 4403;
  static final int REPLACED = 4409;

  private final ServerAddress server;
  private final TokenStore tokens;
  private final PairingClient pairing;
  private final Consumer<ScreenView> display;
  private final Clock clock;
  private final Backoff backoff;
  private final SessionTimings timings;
  private final String clientId;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "marquee-session");
            thread.setDaemon(true);
            return thread;
          });

  // Owned by the loop thread.
  private DeviceToken token;
  private FeedConnection connection;
  private int generation;
  private boolean welcomed;
  private Instant lastHeard;
  private Instant pingSent;
  private Duration clockOffset = Duration.ZERO;
  private FeedState state;
  private NowPlaying lastTrack;
  private ScheduledFuture<?> pending;
  private ScheduledFuture<?> watchdog;
  private boolean closed;

  DeviceSession(
      ServerAddress server,
      TokenStore tokens,
      PairingClient pairing,
      Consumer<ScreenView> display,
      Clock clock,
      Backoff backoff,
      SessionTimings timings,
      String clientId) {
    this.server = server;
    this.tokens = tokens;
    this.pairing = pairing;
    this.display = display;
    this.clock = clock;
    this.backoff = backoff;
    this.timings = timings;
    this.clientId = clientId;
  }

  /** Starts: with a stored token straight to the feed, else pairing first. */
  void start() {
    loop.execute(this::begin);
  }

  private void begin() {
    publish(new ScreenView.Starting("Connecting to " + server.host() + " …"));
    Optional<DeviceToken> stored;
    try {
      stored = tokens.read();
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "cannot read the token file " + tokens.file() + ": " + e, e);
      publish(new ScreenView.Stopped("Cannot read the token file"));
      return;
    }
    if (stored.isPresent()) {
      token = stored.get();
      LOG.info("token found in " + tokens.file() + ": connecting to " + server);
      connect();
    } else {
      LOG.info("no token in " + tokens.file() + ": pairing with " + server.http("/"));
      requestCode();
    }
  }

  // ---------------------------------------------------------------- pairing

  private void requestCode() {
    if (closed) {
      return;
    }
    PairingCode code;
    try {
      code = pairing.start(clientId);
    } catch (PairingException e) {
      Duration wait = e.tooManyCodes() ? timings.refusedCodeWait() : backoff.nextDelay();
      LOG.warning("no pairing code: " + e.getMessage() + "; again in " + wait.toMillis() + " ms");
      later(this::requestCode, wait);
      return;
    } catch (IOException e) {
      Duration wait = backoff.nextDelay();
      LOG.warning(
          "cannot reach "
              + server.http("/")
              + " for a pairing code ("
              + e
              + "); again in "
              + wait.toMillis()
              + " ms");
      publish(new ScreenView.Starting("Cannot reach " + server.host() + " — retrying"));
      later(this::requestCode, wait);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    backoff.reset();
    LOG.info(
        "pairing code "
            + code.code()
            + " shown; claim it in the console until "
            + code.expiresAt());
    publish(new ScreenView.Pairing(code.code(), code.claimUrl()));
    later(() -> pickup(code), timings.pickupInterval());
  }

  private void pickup(PairingCode code) {
    if (closed) {
      return;
    }
    if (!clock.instant().isBefore(code.expiresAt())) {
      LOG.info("pairing code " + code.code() + " expired: asking for a new one");
      requestCode();
      return;
    }
    PairingClient.Pickup pickup;
    try {
      pickup = pairing.pickup(code);
    } catch (IOException | PairingException e) {
      LOG.warning("pickup of " + code.code() + " failed (" + e.getMessage() + "); asking again");
      later(() -> pickup(code), timings.pickupInterval());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (pickup instanceof PairingClient.Paired paired) {
      paired(paired);
    } else if (pickup instanceof PairingClient.Gone gone) {
      LOG.info("pairing code " + code.code() + " is gone (" + gone.why() + "): a new one");
      requestCode();
    } else {
      later(() -> pickup(code), timings.pickupInterval());
    }
  }

  private void paired(PairingClient.Paired paired) {
    try {
      tokens.write(paired.token());
    } catch (IOException e) {
      // Without the file the next start would pair again; the feed still works now.
      LOG.log(Level.SEVERE, "cannot store the token in " + tokens.file() + ": " + e, e);
    }
    token = paired.token();
    LOG.info("paired as screen " + paired.screenId() + "; token stored in " + tokens.file());
    publish(new ScreenView.Starting("Paired — connecting …"));
    connect();
  }

  // ---------------------------------------------------------------- the feed

  private void connect() {
    if (closed) {
      return;
    }
    int attempt = ++generation;
    welcomed = false;
    LOG.fine("connecting to " + server);
    FeedConnection.open(server.endpoint(), timings.connectTimeout(), new Events(attempt))
        .whenComplete((opened, failure) -> loop.execute(() -> opened(attempt, opened, failure)));
  }

  private void opened(int attempt, FeedConnection opened, Throwable failure) {
    if (attempt != generation || closed) {
      if (opened != null) {
        opened.abort();
      }
      return;
    }
    if (failure != null) {
      lost("cannot connect to " + server + ": " + rootMessage(failure));
      return;
    }
    connection = opened;
    lastHeard = clock.instant();
    String version = state == null ? null : state.version();
    send(new ClientMessage.Hello(token.reveal(), version, clientId));
    watchdog =
        loop.scheduleWithFixedDelay(
            () -> watch(attempt),
            timings.pingInterval().toMillis(),
            timings.pingInterval().toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private void received(int attempt, JsonNode message) {
    if (attempt != generation) {
      return;
    }
    lastHeard = clock.instant();
    String type = message.path("type").asText("");
    switch (type) {
      case "welcome" -> welcome(message);
      case "state" -> state(message);
      case "current" -> current(message);
      case "pong" -> pong(message);
      default -> LOG.fine("ignored a \"" + type + "\" message");
    }
  }

  private void welcome(JsonNode message) {
    welcomed = true;
    backoff.reset();
    LOG.info(
        "connected to "
            + server
            + " as screen \""
            + message.path("screen").path("name").asText("?")
            + "\"");
    // A first estimate, one way; the pong's midpoint refines it.
    clockOffset = offset(message, clock.instant());
    ping();
    if (state != null) {
      publishState();
    }
  }

  private void state(JsonNode message) {
    FeedState next;
    try {
      next = StateMessages.read(message);
    } catch (ProtocolException e) {
      // The screen keeps what it shows: one bad state must not blank it.
      LOG.warning("ignored a malformed state (" + e.getMessage() + "); the last one stays");
      return;
    }
    if (state == null || !next.version().equals(state.version())) {
      LOG.info("state " + next.version() + ": " + describe(next));
    }
    state = next;
    if (next.nowPlaying() != null) {
      lastTrack = next.nowPlaying();
    }
    publishState();
  }

  private void current(JsonNode message) {
    LOG.fine("state " + message.path("version").asText() + " is still current");
    if (state != null) {
      publishState();
    }
  }

  private void pong(JsonNode message) {
    Instant received = clock.instant();
    if (pingSent == null || !message.path("serverTime").canConvertToLong()) {
      return;
    }
    Instant midpoint = pingSent.plus(Duration.between(pingSent, received).dividedBy(2));
    clockOffset = offset(message, midpoint);
    pingSent = null;
    LOG.fine("clock offset " + clockOffset.toMillis() + " ms");
  }

  private void ping() {
    pingSent = clock.instant();
    send(new ClientMessage.Ping());
  }

  /** Keeps the connection honest: pings the server, and gives up on one that went silent. */
  private void watch(int attempt) {
    if (attempt != generation || connection == null) {
      return;
    }
    if (Duration.between(lastHeard, clock.instant()).compareTo(timings.silenceLimit()) > 0) {
      LOG.warning(
          "nothing heard from " + server + " for " + timings.silenceLimit() + ": reconnecting");
      connection.abort();
      lost("silent connection");
      return;
    }
    if (welcomed) {
      ping();
    }
  }

  private void closedByServer(int attempt, int code, String reason) {
    if (attempt != generation) {
      return;
    }
    String why = "closed by the server: " + code + (reason.isBlank() ? "" : " " + reason);
    if (code == TOKEN_REFUSED) {
      LOG.warning(why + ": the token was revoked; deleting it and pairing again");
      drop();
      forgetToken();
      requestCode();
    } else if (code == REPLACED) {
      LOG.warning(why + ": another device uses this screen's token; not reconnecting");
      drop();
      publish(new ScreenView.Stopped("Another device took over this screen"));
    } else if (FINAL_CLOSES.contains(code)) {
      LOG.severe(why + ": this client broke the protocol (a bug, please report it); stopped");
      drop();
      publish(new ScreenView.Stopped("Client error " + code + " — please update the client"));
    } else {
      lost(why);
    }
  }

  private void forgetToken() {
    token = null;
    state = null;
    lastTrack = null;
    try {
      tokens.delete();
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "cannot delete the token file " + tokens.file() + ": " + e, e);
    }
  }

  /** The connection is gone: show the last state offline and come back after a while. */
  private void lost(String why) {
    drop();
    Duration wait = backoff.nextDelay();
    LOG.warning(why + "; reconnecting in " + wait.toMillis() + " ms");
    if (state != null) {
      publishState();
    } else {
      publish(new ScreenView.Starting("Cannot reach " + server.host() + " — retrying"));
    }
    later(this::connect, wait);
  }

  private void drop() {
    generation++;
    welcomed = false;
    if (watchdog != null) {
      watchdog.cancel(false);
    }
    if (connection != null) {
      connection.abort();
      connection = null;
    }
  }

  private void send(ClientMessage message) {
    FeedConnection open = connection;
    CompletableFuture<Void> sent = open.send(message);
    int attempt = generation;
    sent.whenComplete(
        (done, failure) -> {
          if (failure != null) {
            loop.execute(
                () -> {
                  if (attempt == generation) {
                    lost("cannot send to " + server + ": " + rootMessage(failure));
                  }
                });
          }
        });
  }

  private void publishState() {
    display.accept(new ScreenView.Showing(state, lastTrack, welcomed, clockOffset));
  }

  private void publish(ScreenView view) {
    display.accept(view);
  }

  private void later(Runnable task, Duration wait) {
    if (!closed) {
      pending = loop.schedule(task, wait.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static Duration offset(JsonNode message, Instant deviceTime) {
    long serverTime = message.path("serverTime").asLong(deviceTime.toEpochMilli());
    return Duration.ofMillis(serverTime - deviceTime.toEpochMilli());
  }

  private static String describe(FeedState state) {
    NowPlaying playing = state.nowPlaying();
    String what =
        state.showsReconnect()
            ? "idle, an account needs reconnecting"
            : playing == null
                ? "idle"
                : (playing.playing() ? "playing " : "paused ")
                    + "\""
                    + playing.title()
                    + "\" by "
                    + playing.artist();
    return what + " (" + state.status() + ")";
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.toString();
  }

  /** Stops: closes the connection normally and cancels every wait. */
  @Override
  public void close() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(
        () -> {
          closed = true;
          if (pending != null) {
            pending.cancel(false);
          }
          FeedConnection open = connection;
          connection = null; // closed normally below, not aborted by drop()
          drop();
          if (open != null) {
            open.close(Duration.ofSeconds(1));
          }
          done.complete(null);
        });
    done.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    loop.shutdownNow();
  }

  /** Hands a connection's callbacks to the session's thread, tagged with their attempt. */
  private final class Events implements FeedListener {
    private final int attempt;

    Events(int attempt) {
      this.attempt = attempt;
    }

    @Override
    public void onMessage(JsonNode message) {
      loop.execute(() -> received(attempt, message));
    }

    @Override
    public void onPing() {
      loop.execute(
          () -> {
            if (attempt == generation) {
              lastHeard = clock.instant();
            }
          });
    }

    @Override
    public void onClosed(int statusCode, String reason) {
      loop.execute(() -> closedByServer(attempt, statusCode, reason));
    }

    @Override
    public void onFailure(Throwable error) {
      loop.execute(
          () -> {
            if (attempt == generation) {
              lost("connection failed: " + rootMessage(error));
            }
          });
    }
  }
}
