package dev.marquee.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marquee.device.view.ScreenView;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session against servers in this JVM: the JDK's HttpServer for pairing and the Java-WebSocket
 * {@link TestScreenServer} for the feed, scripted per test.
 */
class DeviceSessionTest {
  private static final String TOKEN = "tok3n-tok3n-tok3n-tok3n-tok3n-tok3n-tok3n";
  private static final String SECRET = "s3cret-s3cret-s3cret";
  private static final Duration SOON = Duration.ofSeconds(10);
  private static final SessionTimings FAST =
      new SessionTimings(
          Duration.ofSeconds(5),
          Duration.ofMillis(50),
          Duration.ofMillis(200),
          Duration.ofSeconds(30),
          Duration.ofSeconds(65));

  @TempDir Path directory;

  private final List<ScreenView> views = new CopyOnWriteArrayList<>();
  private final AtomicReference<ScreenView> latest = new AtomicReference<>();
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler logCapture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private TestScreenServer feed;
  private HttpServer pairingApi;
  private DeviceSession session;
  private final AtomicInteger pickups = new AtomicInteger();

  @BeforeEach
  void captureLogs() {
    Logger.getLogger("dev.marquee.device").addHandler(logCapture);
  }

  @AfterEach
  void stop() throws Exception {
    Logger.getLogger("dev.marquee.device").removeHandler(logCapture);
    if (session != null) {
      session.close();
    }
    if (feed != null) {
      feed.stop(1000);
    }
    if (pairingApi != null) {
      pairingApi.stop(0);
    }
  }

  @Test
  void withoutATokenItShowsACodeStoresTheClaimedTokenOwnerOnlyAndShowsTheFeed() throws Exception {
    feed = TestScreenServer.start(DeviceSessionTest::welcomeAndPlay);
    startPairingApi(2);
    Path tokenFile = directory.resolve("state/token");

    session = session(tokenFile);
    session.start();

    ScreenView.Pairing pairing =
        (ScreenView.Pairing) awaitView(v -> v instanceof ScreenView.Pairing);
    assertThat(pairing.code()).isEqualTo("K7QX-M4PD");
    assertThat(pairing.claimUrl()).isEqualTo("http://console.test/claim?code=K7QX-M4PD");
    ScreenView.Showing showing = awaitShowing("Opening Number");
    assertThat(showing.online()).isTrue();
    assertThat(pickups.get()).isEqualTo(2);
    assertThat(Files.readString(tokenFile).strip()).isEqualTo(TOKEN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
        .isEqualTo("rw-------");
    JsonNode hello = Json.decode(feed.received.take());
    assertThat(hello.path("type").asText()).isEqualTo("hello");
    assertThat(hello.path("token").asText()).isEqualTo(TOKEN);
    assertThat(hello.has("version")).isFalse();
    assertThat(hello.path("client").asText()).startsWith("marquee-device/");
    assertThat(String.join("\n", logged)).doesNotContain(TOKEN).doesNotContain(SECRET);
  }

  @Test
  void aRevokedToken4403IsDeletedAndTheScreenPairsAgain() throws Exception {
    feed = TestScreenServer.start((conn, text) -> conn.close(4403, "revoked"));
    startPairingApi(Integer.MAX_VALUE); // never claimed in this test
    Path tokenFile = storedToken();

    session = session(tokenFile);
    session.start();

    awaitView(v -> v instanceof ScreenView.Pairing);
    assertThat(tokenFile).doesNotExist();
    assertThat(feed.paths).hasSize(1);
  }

  @Test
  void afterA1001ItReconnectsWithTheVersionItShowsAndKeepsShowingItOfflineMeanwhile()
      throws Exception {
    AtomicInteger connection = new AtomicInteger();
    feed =
        TestScreenServer.start(
            (conn, text) -> {
              JsonNode hello = parse(text);
              if (!hello.path("type").asText().equals("hello")) {
                return;
              }
              conn.send(States.welcome());
              if (connection.incrementAndGet() == 1) {
                conn.send(States.playing("v1", "Opening Number", ""));
                conn.close(1001, "restarting");
              } else {
                conn.send("{\"type\":\"current\",\"version\":\"v1\",\"serverTime\":1}");
              }
            });

    session = session(storedToken());
    session.start();

    awaitShowing("Opening Number");
    ScreenView.Showing offline =
        (ScreenView.Showing) awaitView(v -> v instanceof ScreenView.Showing s && !s.online());
    assertThat(offline.state().version()).isEqualTo("v1");
    await().atMost(SOON).until(() -> feed.received.size() >= 2);
    feed.received.take();
    JsonNode second = parse(feed.received.take());
    assertThat(second.path("version").asText()).isEqualTo("v1");
    await().atMost(SOON).until(() -> latest.get() instanceof ScreenView.Showing s && s.online());
    assertThat(((ScreenView.Showing) latest.get()).state().nowPlaying().title())
        .isEqualTo("Opening Number");
  }

  @Test
  void aMalformedStateIsIgnoredAndTheLastOneStaysOnScreen() throws Exception {
    feed =
        TestScreenServer.start(
            (conn, text) -> {
              if (parse(text).path("type").asText().equals("hello")) {
                conn.send(States.welcome());
                conn.send(States.playing("v1", "Opening Number", ""));
                conn.send("{\"type\":\"state\",\"version\":\"v2\",\"data\":{\"track_name\":5}}");
                conn.send("{\"type\":\"current\",\"version\":\"v1\",\"serverTime\":1}");
              }
            });

    session = session(storedToken());
    session.start();

    awaitShowing("Opening Number");
    // The confirmation after the bad state republishes what the screen shows.
    await().atMost(SOON).until(() -> views.stream().filter(this::showsV1).count() >= 2);
    ScreenView.Showing shown = (ScreenView.Showing) latest.get();
    assertThat(shown.state().version()).isEqualTo("v1");
    assertThat(shown.online()).isTrue();
    assertThat(logged).anyMatch(line -> line.startsWith("ignored a malformed state"));
    assertThat(feed.closes).isEmpty();
  }

  @Test
  void replacedByAnotherDevice4409StopsAndDoesNotReconnect() throws Exception {
    feed = TestScreenServer.start((conn, text) -> conn.close(4409, "replaced"));

    session = session(storedToken());
    session.start();

    ScreenView.Stopped stopped =
        (ScreenView.Stopped) awaitView(v -> v instanceof ScreenView.Stopped);
    assertThat(stopped.message()).contains("Another device");
    await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(3))
        .until(() -> feed.paths.size() == 1);
    assertThat(directory.resolve("token")).exists();
  }

  @Test
  void thePongsMidpointSetsTheClockOffset() throws Exception {
    long ahead = Duration.ofMinutes(5).toMillis();
    feed =
        TestScreenServer.start(
            (conn, text) -> {
              String type = parse(text).path("type").asText();
              if (type.equals("hello")) {
                conn.send(States.welcome());
                conn.send(States.playing("v1", "Opening Number", ""));
              } else if (type.equals("ping")) {
                conn.send(
                    "{\"type\":\"pong\",\"serverTime\":"
                        + (System.currentTimeMillis() + ahead)
                        + "}");
                conn.send("{\"type\":\"current\",\"version\":\"v1\",\"serverTime\":1}");
              }
            });

    session = session(storedToken());
    session.start();

    await()
        .atMost(SOON)
        .until(
            () ->
                latest.get() instanceof ScreenView.Showing s
                    && Math.abs(s.clockOffset().toMillis() - ahead) < 2000);
  }

  // ---------------------------------------------------------------- helpers

  private boolean showsV1(ScreenView view) {
    return view instanceof ScreenView.Showing s && s.state().version().equals("v1");
  }

  private static void welcomeAndPlay(WebSocket conn, String text) {
    if (parse(text).path("type").asText().equals("hello")) {
      conn.send(States.welcome());
      conn.send(States.playing("v1", "Opening Number", ""));
    }
  }

  private DeviceSession session(Path tokenFile) {
    ServerAddress server;
    try {
      server = ServerAddress.parse(feed.url());
    } catch (UsageException e) {
      throw new AssertionError(e);
    }
    ServerAddress api = pairingApi == null ? server : addressOf(pairingApi);
    return new DeviceSession(
        server, // the feed; pairing goes to the API's own port
        new TokenStore(tokenFile),
        new PairingClient(api, HttpClient.newHttpClient(), Duration.ofSeconds(5)),
        view -> {
          views.add(view);
          latest.set(view);
        },
        Clock.systemUTC(),
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), () -> 0.5),
        FAST,
        "marquee-device/test");
  }

  private static ServerAddress addressOf(HttpServer server) {
    try {
      return ServerAddress.parse("http://127.0.0.1:" + server.getAddress().getPort());
    } catch (UsageException e) {
      throw new AssertionError(e);
    }
  }

  private Path storedToken() throws IOException {
    Path file = directory.resolve("token");
    new TokenStore(file).write(DeviceToken.of(TOKEN));
    return file;
  }

  /** A pairing API that hands out one code and says "paired" at the given pickup. */
  private void startPairingApi(int pairedAtPickup) throws IOException {
    pairingApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pairingApi.createContext(
        "/api/screens/pairing",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.equals("/api/screens/pairing")) {
            reply(
                exchange,
                201,
                "{\"pairingId\":\"p1\",\"code\":\"K7QX-M4PD\",\"secret\":\""
                    + SECRET
                    + "\",\"claimUrl\":\"http://console.test/claim?code=K7QX-M4PD\","
                    + "\"expiresAt\":\""
                    + Instant.now().plusSeconds(600)
                    + "\"}");
          } else if (path.equals("/api/screens/pairing/p1/pickup")) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!body.contains(SECRET)) {
              reply(exchange, 410, "{\"status\":\"gone\",\"error\":\"wrong secret\"}");
            } else if (pickups.incrementAndGet() < pairedAtPickup) {
              reply(exchange, 202, "{\"status\":\"waiting\"}");
            } else {
              reply(
                  exchange,
                  200,
                  "{\"status\":\"paired\",\"screenId\":\"s1\",\"token\":\"" + TOKEN + "\"}");
            }
          } else {
            reply(exchange, 404, "{\"error\":\"unknown\"}");
          }
        });
    pairingApi.start();
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private ScreenView awaitView(Predicate<ScreenView> match) {
    return await()
        .atMost(SOON)
        .until(() -> views.stream().filter(match).findFirst().orElse(null), v -> v != null);
  }

  private ScreenView.Showing awaitShowing(String title) {
    return (ScreenView.Showing)
        awaitView(
            v ->
                v instanceof ScreenView.Showing s
                    && s.state().nowPlaying() != null
                    && s.state().nowPlaying().title().equals(title));
  }

  private static JsonNode parse(String text) {
    try {
      return Json.decode(text);
    } catch (ProtocolException e) {
      throw new AssertionError(e);
    }
  }
}
