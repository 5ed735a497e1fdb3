package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.it.support.ConsoleClient;
import dev.marquee.it.support.ConsoleServer;
import dev.marquee.it.support.JsonBodies;
import dev.marquee.it.support.MarqueeProcess;
import dev.marquee.it.support.RawWebSocket;
import dev.marquee.it.support.ScreenSocket;
import dev.marquee.it.support.ScreensConsole;
import dev.marquee.it.support.ServerHeap;
import dev.marquee.sandbox.SpotifySandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live feed end to end, against a real server and the sandbox: a screen paired through the
 * console gets its state and every track change; fallback between sources; reconnects by version;
 * revoke; organizations kept apart; unauthenticated and dead sockets; demand follows the screens
 * online. Short poll intervals (3 s base, 2 s idle) keep it quick.
 */
class ScreenFeedIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration SOON = Duration.ofSeconds(12);

  private static ConsoleServer server;
  private static SpotifySandbox sandbox;
  private static ConsoleClient admin;
  private static String organizationId;
  private static ScreensConsole console;

  @BeforeAll
  static void start() {
    server =
        ConsoleServer.start(
            "feed",
            Map.of(
                "MARQUEE_POLLING_BASE_INTERVAL", "PT3S",
                "MARQUEE_POLLING_IDLE_STEPS", "PT2S",
                "MARQUEE_SCREENS_HELLO_TIMEOUT_SECONDS", "2",
                "MARQUEE_SCREENS_KEEPALIVE_SECONDS", "2"));
    sandbox = server.sandbox();
    admin = server.signedInAdmin();
    server.ensureDefaultApp(admin);
    organizationId = ConsoleServer.organizationId(admin, ConsoleServer.FIRST_ORGANIZATION);
    console = new ScreensConsole(sandbox, admin, organizationId);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aScreenPairedInTheConsoleGetsItsStateAndEveryTrackChange() throws Exception {
    String user = console.account("feed", "Opening Number", "Second Number");
    String configuration = console.showingNewest("Lobby " + user);
    Pairing pairing = pair(console, "Front desk " + user, configuration);

    try (ScreenSocket socket = connect(pairing.token(), null)) {
      JsonNode welcome = JsonBodies.parse(socket.nextText());
      assertThat(welcome.path("type").asText()).isEqualTo("welcome");
      assertThat(welcome.path("screen").path("name").asText()).isEqualTo("Front desk " + user);
      List<JsonNode> states = statesUntil(socket, title("Opening Number"));
      JsonNode first = states.get(0);
      assertThat(first.path("widget").path("slug").asText()).isEqualTo("spotify-now-playing");
      assertThat(first.path("widget").path("template").isObject()).isTrue();
      JsonNode state = states.get(states.size() - 1);
      assertThat(state.path("widgetRevision").asInt()).isEqualTo(3);
      assertThat(state.path("options").path("theme").asText()).isEqualTo("gradient");
      assertThat(state.path("configuration").path("id").asText()).isEqualTo(configuration);
      assertThat(state.path("status").asText()).isEqualTo("LIVE");
      assertThat(state.path("source").asInt()).isZero();
      assertThat(state.path("idle").asBoolean()).isFalse();
      assertThat(state.path("serverTime").asLong())
          .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(10_000L));
      assertThat(state.path("version").asText()).isNotBlank();

      sandbox.player(user).skip();
      JsonNode changed = awaitState(socket, title("Second Number"));
      assertThat(changed.path("version").asText()).isNotEqualTo(state.path("version").asText());
      // The definition went once; later states name its revision only.
      assertThat(changed.has("widget")).isFalse();
      assertThat(changed.path("widgetRevision").asInt()).isEqualTo(3);

      Element row = screenRow(admin, pairing.screenId());
      assertThat(row.select(".state").text()).isEqualTo("online");
      assertThat(row.select(".client").text()).isEqualTo("it-screen/1");
      assertThat(row.select(".address").text()).isEqualTo("127.0.0.1");
    }
    assertThat(server.marquee().log()).doesNotContain(pairing.token());
  }

  @Test
  void aReconnectWithAnOldVersionGetsTheCurrentStateAndWithTheCurrentOneOnlyAConfirmation()
      throws Exception {
    String user = console.account("feed", "Before The Cut", "After The Cut");
    Pairing pairing = pair(console, "Reconnecting", console.showingNewest(user));
    String old;
    try (ScreenSocket socket = connect(pairing.token(), null)) {
      socket.nextText();
      old = awaitState(socket, title("Before The Cut")).path("version").asText();
    }
    sandbox.player(user).skip();
    // While the screen is away nobody watches: the reconnect itself brings the poll forward.
    String current;
    try (ScreenSocket socket = connect(pairing.token(), old)) {
      socket.nextText();
      JsonNode state = awaitState(socket, title("After The Cut"));
      current = state.path("version").asText();
    }
    try (ScreenSocket socket = connect(pairing.token(), current)) {
      socket.nextText();
      JsonNode confirmation = JsonBodies.parse(socket.nextText());
      assertThat(confirmation.path("type").asText()).isEqualTo("current");
      assertThat(confirmation.path("version").asText()).isEqualTo(current);
      assertThat(confirmation.has("data")).isFalse();
    }
  }

  @Test
  void aScreenGetsItsNewStateWhenItsConfigurationChangesAndWhenItIsMovedToAnother()
      throws Exception {
    String user = console.account("feed", "Moving Song");
    String name = "Changing " + user;
    String configuration = console.showingNewest(name);
    Pairing pairing = pair(console, "Mover " + user, configuration);
    try (ScreenSocket socket = connect(pairing.token(), null)) {
      awaitState(socket, title("Moving Song"));
      ConsoleClient.Page edit =
          admin.get("/widgets.xhtml?organization=" + organizationId + "&id=" + configuration);
      ConsoleClient.Page saved =
          admin.submit(edit, "widget", Map.of("option:0:choice", "dark"), "save");
      assertThat(saved.notices()).contains("Saved " + name);
      JsonNode dark =
          awaitState(socket, state -> "dark".equals(state.path("options").path("theme").asText()));
      assertThat(dark.path("data").path("track_name").asText()).isEqualTo("Moving Song");

      String other = console.showingNewest("Elsewhere " + user);
      ConsoleClient.Page moved =
          admin.submit(
              admin.get("/screens.xhtml?id=" + pairing.screenId()),
              "screen",
              Map.of("configuration", other, "group", "Upstairs"),
              "save");
      assertThat(moved.notices()).contains("Saved Mover " + user);
      JsonNode elsewhere =
          awaitState(
              socket, state -> other.equals(state.path("configuration").path("id").asText()));
      assertThat(elsewhere.path("options").path("theme").asText()).isEqualTo("gradient");
      Element row = screenRow(admin, pairing.screenId());
      assertThat(row.select(".shows").text()).isEqualTo("Elsewhere " + user);
      assertThat(row.select(".group").text()).isEqualTo("Upstairs");
    }
  }

  @Test
  void aScreenShowsTheFirstPlayingSourceElseTheFirstPausedElseIdle() throws Exception {
    String first = console.account("feed", "Zone One");
    String second = console.account("feed", "Zone Two");
    sandbox.player(first).stop();
    // The two accounts connected last are the last two in the list.
    int count = console.accountCount();
    String configuration =
        console.configuration("Zones " + first, Map.of(count - 2, 1, count - 1, 2), Map.of());
    Pairing pairing = pair(console, "Zones " + first, configuration);
    try (ScreenSocket socket = connect(pairing.token(), null)) {
      socket.nextText();
      JsonNode secondPlays = awaitState(socket, title("Zone Two"));
      assertThat(secondPlays.path("source").asInt()).isEqualTo(1);

      sandbox.player(first).play();
      JsonNode firstPlays = awaitState(socket, title("Zone One"));
      assertThat(firstPlays.path("source").asInt()).isZero();

      sandbox.player(first).pause();
      JsonNode playingWins = awaitState(socket, title("Zone Two"));
      assertThat(playingWins.path("source").asInt()).isEqualTo(1);

      sandbox.player(second).pause();
      JsonNode firstPaused = awaitState(socket, s -> title("Zone One").test(s) && !isPlaying(s));
      assertThat(firstPaused.path("source").asInt()).isZero();

      sandbox.player(first).stop();
      sandbox.player(second).stop();
      JsonNode idle = awaitState(socket, s -> s.path("idle").asBoolean());
      assertThat(idle.path("data").isNull()).isTrue();
      assertThat(idle.path("source").isNull()).isTrue();
    }
  }

  @Test
  void aScreenOfAnotherOrganizationNeverHearsOfThisOneAndCannotBeMovedToItsConfiguration()
      throws Exception {
    String name = ConsoleServer.unique("Other");
    ConsoleClient other =
        server.organizationAdmin(admin, name, ConsoleServer.unique("other"), "other password 1");
    String otherOrganization = ConsoleServer.organizationId(admin, name);
    ScreensConsole theirConsole = new ScreensConsole(sandbox, other, otherOrganization);
    String ours = console.account("feed", "Our Secret Song", "Our Next Song");
    String ourConfiguration = console.showingNewest("Ours " + ours);
    String theirs = theirConsole.account("feed", "Their Song");
    String theirConfiguration = theirConsole.showingNewest("Theirs " + theirs);
    Pairing ourScreen = pair(console, "Our screen " + ours, ourConfiguration);
    Pairing theirScreen = pair(theirConsole, "Their screen " + theirs, theirConfiguration);

    try (ScreenSocket our = connect(ourScreen.token(), null);
        ScreenSocket their = connect(theirScreen.token(), null)) {
      awaitState(our, title("Our Secret Song"));
      awaitState(their, title("Their Song"));
      sandbox.player(ours).skip();
      awaitState(our, title("Our Next Song"));
      List<String> heard = new ArrayList<>(their.drain());
      their.send("{\"type\":\"ping\"}");
      heard.addAll(their.until(s -> s.contains("\"pong\""), SOON));
      assertThat(String.join("\n", heard))
          .doesNotContain("Our Secret Song")
          .doesNotContain("Our Next Song")
          .doesNotContain(ourConfiguration)
          .doesNotContain(organizationId);
    }

    // Their admin forges a move of their screen to our configuration: refused, nothing changes.
    ConsoleClient.Page edit = other.get("/screens.xhtml?id=" + theirScreen.screenId());
    Map<String, String> fields =
        other.formFields(edit, "screen", Map.of("configuration", ourConfiguration), "save");
    ConsoleClient.Page refused = other.post(ConsoleClient.actionOf(edit, "screen"), fields);
    assertThat(refused.body()).doesNotContain("Saved Their screen");
    assertThat(screenRow(other, theirScreen.screenId()).select(".shows").text())
        .isEqualTo("Theirs " + theirs);
    assertThat(other.get("/screens.xhtml").body()).doesNotContain("Our screen " + ours);
    assertThat(other.get("/screens.xhtml?id=" + ourScreen.screenId()).body())
        .doesNotContain("Our screen " + ours);
  }

  @Test
  void aRevokedScreenIsDisconnectedAtOnceAndCannotReconnectWhileOthersStay() throws Exception {
    String user = console.account("feed", "Revocation Blues");
    String configuration = console.showingNewest("Revoke " + user);
    Pairing revoked = pair(console, "To revoke " + user, configuration);
    Pairing staying = pair(console, "Staying " + user, configuration);
    try (ScreenSocket doomed = connect(revoked.token(), null);
        ScreenSocket stays = connect(staying.token(), null)) {
      awaitState(doomed, title("Revocation Blues"));
      awaitState(stays, title("Revocation Blues"));

      ConsoleClient.Page done = press(admin, revoked.screenId(), "revoke");
      assertThat(done.notices()).contains("Revoked");
      assertThat(doomed.awaitClose().code()).isEqualTo(4403);

      stays.send("{\"type\":\"ping\"}");
      assertThat(stays.until(s -> s.contains("\"pong\""), SOON)).isNotEmpty();
      assertThat(stays.isClosed()).isFalse();
    }
    try (ScreenSocket again = connect(revoked.token(), null)) {
      assertThat(again.awaitClose().code()).isEqualTo(4403);
    }
    assertThat(screenRow(admin, revoked.screenId()).select(".state").text()).isEqualTo("revoked");
    assertThat(screenRow(admin, staying.screenId()).select(".state").text()).isEqualTo("offline");
    assertThat(press(admin, revoked.screenId(), "delete").notices()).contains("Deleted");
    assertThat(
            admin.get("/screens.xhtml").html().select("tr[data-screen=" + revoked.screenId() + "]"))
        .isEmpty();
  }

  @Test
  void aSecondSocketOfTheSameScreenReplacesTheFirstAndASecondHelloIsRefused() throws Exception {
    String user = console.account("feed", "Twice Told");
    Pairing pairing = pair(console, "Twice " + user, console.showingNewest(user));
    try (ScreenSocket first = connect(pairing.token(), null)) {
      awaitState(first, title("Twice Told"));
      try (ScreenSocket second = connect(pairing.token(), null)) {
        assertThat(first.awaitClose().code()).isEqualTo(4409);
        awaitState(second, title("Twice Told"));
        assertThat(screenRow(admin, pairing.screenId()).select(".state").text())
            .isEqualTo("online");
        second.send(hello(pairing.token(), null));
        assertThat(second.awaitClose().code()).isEqualTo(4400);
      }
    }
  }

  @Test
  void socketsThatDoNotAuthenticateInTimeOrWithAValidTokenAreClosed() throws Exception {
    try (ScreenSocket silent = ScreenSocket.open(server.marquee().webSocketUri("/ws/screen"))) {
      assertThat(silent.awaitClose().code()).isEqualTo(4401);
    }
    try (ScreenSocket pinging = ScreenSocket.open(server.marquee().webSocketUri("/ws/screen"))) {
      pinging.send("{\"type\":\"ping\"}");
      assertThat(pinging.awaitClose().code()).isEqualTo(4401);
    }
    try (ScreenSocket forged = connect("A".repeat(43), null)) {
      assertThat(forged.awaitClose().code()).isEqualTo(4403);
    }
    try (ScreenSocket checking = ScreenSocket.open(server.marquee().webSocketUri("/ws/screen"))) {
      checking.send("{\"type\":\"hello\"}");
      assertThat(JsonBodies.parse(checking.nextText()).path("server").asText())
          .isEqualTo("Marquee");
      assertThat(checking.awaitClose().code()).isEqualTo(4401);
    }
  }

  @Test
  void anAccountIsPolledOnlyWhileAScreenShowingItIsOnline() throws Exception {
    String user = console.account("feed", "Watched Song");
    Pairing pairing = pair(console, "Watcher " + user, console.showingNewest(user));
    await("no calls before any screen shows it")
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(() -> calls(user) == 0);
    try (ScreenSocket socket = connect(pairing.token(), null)) {
      awaitState(socket, title("Watched Song"));
      long connected = calls(user);
      await("calls while the screen is online")
          .atMost(SOON)
          .until(() -> calls(user) >= connected + 2);
    }
    await("offline in the console")
        .atMost(SOON)
        .until(
            () -> "offline".equals(screenRow(admin, pairing.screenId()).select(".state").text()));
    long offline = calls(user);
    await("no more calls once no screen shows it")
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(12))
        .until(() -> calls(user) <= offline + 1);
  }

  @Test
  void aScreenThatStopsAnsweringIsDroppedAndNoLongerOnline() throws Exception {
    String user = console.account("feed", "Hung Device");
    Pairing pairing = pair(console, "Hung " + user, console.showingNewest(user));
    try (ScreenSocket hung =
        ScreenSocket.openWithoutReading(server.marquee().webSocketUri("/ws/screen"))) {
      hung.send(hello(pairing.token(), null));
      await("online")
          .atMost(SOON)
          .until(
              () -> "online".equals(screenRow(admin, pairing.screenId()).select(".state").text()));
      await("dropped after unanswered pings")
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> "offline".equals(screenRow(admin, pairing.screenId()).select(".state").text()));
    }
  }

  @Test
  void anonymousSocketsSendingOversizeFramesAreRefusedFromTheHeaderWithoutGrowingTheHeap()
      throws Exception {
    String user = console.account("feed", "Under Siege", "Still Standing");
    Pairing pairing = pair(console, "Besieged " + user, console.showingNewest(user));
    MarqueeProcess marquee = server.marquee();
    try (ScreenSocket screen = connect(pairing.token(), null)) {
      awaitState(screen, title("Under Siege"));
      long heapBefore = ServerHeap.usedAfterCollectionBytes(marquee);
      String logBefore = marquee.log();
      ExecutorService threads = Executors.newFixedThreadPool(2 * ATTACKERS + 1);
      List<RawWebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
      try {
        AtomicLong peak = new AtomicLong(ServerHeap.usedBytes(marquee));
        AtomicBoolean attacking = new AtomicBoolean(true);
        Future<?> sampler =
            threads.submit(
                () -> {
                  while (attacking.get()) {
                    peak.accumulateAndGet(ServerHeap.usedBytes(marquee), Math::max);
                    Thread.sleep(100);
                  }
                  return null;
                });
        List<Future<RawWebSocket.Closed>> closes = new ArrayList<>();
        List<Future<Long>> sends = new ArrayList<>();
        for (int i = 0; i < ATTACKERS; i++) {
          // Each socket sends as soon as it is open: well within the hello deadline.
          RawWebSocket socket = RawWebSocket.open(marquee.webSocketUri("/ws/screen"));
          sockets.add(socket);
          closes.add(threads.submit(socket::awaitClose));
          sends.add(threads.submit(() -> sendPartOfAnOversizeFrame(socket)));
        }
        // A paired screen keeps its feed meanwhile.
        sandbox.player(user).skip();
        awaitState(screen, title("Still Standing"));
        long sent = 0;
        for (Future<Long> send : sends) {
          sent += send.get(60, TimeUnit.SECONDS);
        }
        long heapAfterSending = ServerHeap.usedAfterCollectionBytes(marquee);
        attacking.set(false);
        sampler.get(30, TimeUnit.SECONDS);
        List<Integer> codes = new ArrayList<>();
        for (Future<RawWebSocket.Closed> close : closes) {
          codes.add(close.get(30, TimeUnit.SECONDS).code());
        }
        String logged = marquee.log().substring(logBefore.length());
        System.out.printf(
            "%d sockets, each a frame declared as 8 MiB: %d bytes sent in all; heap after a full"
                + " GC %d MB before, %d MB once all had sent; peak seen %d MB; close codes %s;"
                + " %d log lines%n",
            ATTACKERS,
            sent,
            heapBefore >> 20,
            heapAfterSending >> 20,
            peak.get() >> 20,
            new java.util.TreeMap<>(
                codes.stream()
                    .collect(
                        java.util.stream.Collectors.groupingBy(
                            c -> c, java.util.stream.Collectors.counting()))),
            logged.lines().count());

        assertThat(codes).containsOnly(1009);
        assertThat(heapAfterSending - heapBefore).isLessThan(50L << 20);
        assertThat(logged.lines().count()).isLessThanOrEqualTo(ATTACKERS);
        assertThat(logged).doesNotContainPattern(STACK_FRAME);
        screen.send("{\"type\":\"ping\"}");
        assertThat(screen.until(s -> s.contains("\"pong\""), SOON)).isNotEmpty();
      } finally {
        sockets.forEach(RawWebSocket::close);
        threads.shutdownNow();
      }
    }
  }

  @Test
  void protocolErrorsCloseTheSocketWithTheirCodeAndAtMostALineOfLogEach() throws Exception {
    MarqueeProcess marquee = server.marquee();
    String logBefore = marquee.log();
    try (RawWebSocket unmasked = RawWebSocket.open(marquee.webSocketUri("/ws/screen"))) {
      unmasked.send(RawWebSocket.frame(0x81, false, bytes("{\"type\":\"hello\"}")));
      assertThat(unmasked.awaitClose().code()).isEqualTo(1002);
    }
    // 4,000 levels in one 8 KB frame.
    String deep = "{\"type\":\"ping\",\"x\":" + "[".repeat(4000) + "]".repeat(4000) + "}";
    try (RawWebSocket nested = RawWebSocket.open(marquee.webSocketUri("/ws/screen"))) {
      nested.sendText(deep);
      assertThat(nested.awaitClose().code()).isEqualTo(1007);
    }
    // A frame of exactly the limit is read (an anonymous ping: not authenticated); one more byte
    // is refused, and so is a message whose fragments are each within the limit but not together.
    String prefix = "{\"type\":\"ping\",\"pad\":\"";
    String atLimit = prefix + "x".repeat(8192 - prefix.length() - 2) + "\"}";
    try (RawWebSocket socket = RawWebSocket.open(marquee.webSocketUri("/ws/screen"))) {
      socket.sendText(atLimit);
      assertThat(socket.awaitClose().code()).isEqualTo(4401);
    }
    try (RawWebSocket socket = RawWebSocket.open(marquee.webSocketUri("/ws/screen"))) {
      socket.sendText(atLimit.replace("xx\"}", "xxx\"}"));
      assertThat(socket.awaitClose().code()).isEqualTo(1009);
    }
    try (RawWebSocket socket = RawWebSocket.open(marquee.webSocketUri("/ws/screen"))) {
      socket.send(RawWebSocket.frame(0x01, true, bytes(prefix + "x".repeat(5000))));
      socket.send(RawWebSocket.frame(0x80, true, bytes("x".repeat(5000) + "\"}")));
      assertThat(socket.awaitClose().code()).isEqualTo(1009);
    }
    String logged = marquee.log().substring(logBefore.length());
    assertThat(logged.lines().count()).isLessThanOrEqualTo(5);
    assertThat(logged).doesNotContainPattern(STACK_FRAME);
  }

  // ---------------------------------------------------------------- helpers

  /** Anonymous sockets in the oversize-frame test (the issue's figure). */
  private static final int ATTACKERS = 60;

  /** A line of a Java stack trace. */
  private static final java.util.regex.Pattern STACK_FRAME =
      java.util.regex.Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

  /**
   * A masked text frame declared as 8 MiB, of which 3.9 MB are sent (or less, once the server
   * closes); how many bytes went.
   */
  private static long sendPartOfAnOversizeFrame(RawWebSocket socket) {
    long sent = 0;
    try {
      socket.send(RawWebSocket.header(0x81, true, 8L << 20));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'x');
      while (sent < 3_900_000) {
        socket.send(chunk);
        sent += chunk.length;
      }
    } catch (IOException e) {
      // The server closed the connection: the rest was not wanted.
    }
    return sent;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private record Pairing(String screenId, String token) {}

  private static ScreenSocket connect(String token, String version) {
    return ScreenSocket.open(server.marquee().webSocketUri("/ws/screen"))
        .send(hello(token, version));
  }

  private static String hello(String token, String version) {
    Map<String, String> hello = new HashMap<>();
    hello.put("type", "hello");
    hello.put("token", token);
    hello.put("client", "it-screen/1");
    if (version != null) {
      hello.put("version", version);
    }
    return JsonBodies.write(hello);
  }

  private static JsonNode awaitState(ScreenSocket socket, Predicate<JsonNode> match)
      throws InterruptedException {
    List<String> seen =
        socket.until(
            text -> {
              JsonNode message = JsonBodies.parse(text);
              return "state".equals(message.path("type").asText()) && match.test(message);
            },
            SOON);
    return JsonBodies.parse(seen.get(seen.size() - 1));
  }

  /** The states received until one matches, in order. */
  private static List<JsonNode> statesUntil(ScreenSocket socket, Predicate<JsonNode> match)
      throws InterruptedException {
    return socket
        .until(
            text -> {
              JsonNode message = JsonBodies.parse(text);
              return "state".equals(message.path("type").asText()) && match.test(message);
            },
            SOON)
        .stream()
        .map(JsonBodies::parse)
        .filter(message -> "state".equals(message.path("type").asText()))
        .toList();
  }

  private static Predicate<JsonNode> title(String title) {
    return state -> title.equals(state.path("data").path("track_name").asText());
  }

  private static boolean isPlaying(JsonNode state) {
    return state.path("data").path("is_playing").asBoolean();
  }

  private static Pairing pair(ScreensConsole console, String name, String configuration)
      throws Exception {
    JsonNode started =
        JsonBodies.parse(post("/api/screens/pairing", "{\"client\":\"it-screen/1\"}").body());
    console.claim(started.path("code").asText(), name, configuration);
    HttpResponse<String> token =
        post(
            "/api/screens/pairing/" + started.path("pairingId").asText() + "/pickup",
            "{\"secret\":\"" + started.path("secret").asText() + "\"}");
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    JsonNode picked = JsonBodies.parse(token.body());
    return new Pairing(picked.path("screenId").asText(), picked.path("token").asText());
  }

  private static Element screenRow(ConsoleClient client, String screenId) {
    Element row =
        client.get("/screens.xhtml").html().selectFirst("tr[data-screen=" + screenId + "]");
    assertThat(row).as("screen " + screenId + " listed").isNotNull();
    return row;
  }

  private static ConsoleClient.Page press(ConsoleClient client, String screenId, String button) {
    ConsoleClient.Page page = client.get("/screens.xhtml");
    String name =
        page.html().selectFirst("tr[data-screen=" + screenId + "] input." + button).attr("name");
    return client.submit(page, "screens", Map.of(), name.substring("screens:".length()));
  }

  private static long calls(String user) {
    return sandbox.counters().calls(user, "currently-playing");
  }

  private static HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.uri(path).toString()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
