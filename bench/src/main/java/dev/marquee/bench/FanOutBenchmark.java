package dev.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.bench.capacity.BenchServer;
import dev.marquee.bench.capacity.CpuClock;
import dev.marquee.bench.capacity.Percentiles;
import dev.marquee.bench.capacity.ServerMetrics;
import dev.marquee.it.support.MarqueeProcess;
import dev.marquee.it.support.SpotifyProbeClient;
import dev.marquee.it.support.SpotifyProbeClient.Org;
import dev.marquee.sandbox.SpotifySandbox;
import dev.marquee.sandbox.playback.PlayableItem;
import dev.marquee.sandbox.playback.Track;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Fan-out of one node: 1,000, then 5,000 screens hold real WebSockets to Marquee (Payara Micro with
 * the shipped WAR and the test probes) from this process, all showing one Spotify account of the
 * sandbox. The account skips track after track; for each change the benchmark reads when the engine
 * fired its change event (the probe observes it in the server) and when each screen received the
 * state with the new title (this process, same machine clock), and prints the distribution of the
 * difference with the server's heap.
 */
public final class FanOutBenchmark {

  private static final String USER = "fanout-source";

  /** Changes pushed before measuring, so the JIT has compiled the push path of this size. */
  private static final int WARM_UP_CHANGES = Integer.getInteger("bench.fanout.warm-up", 3);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Integer> sizes;
  private final int changes;
  private final List<String> rows = new ArrayList<>();
  private final List<Screen> screens = new ArrayList<>();

  /**
   * Real screens each read their own socket; one JDK client reads all of its sockets on one
   * selector thread, which would time the benchmark's reading rather than the server's sending.
   * Screens are spread over several clients, each with its own selector thread.
   */
  private final List<HttpClient> clients = new ArrayList<>();

  private BenchServer bench;
  private SpotifySandbox sandbox;
  private MarqueeProcess server;
  private SpotifyProbeClient probe;
  private Org org;
  private String accountId;
  private String configurationId;
  private int trackNumber;

  private FanOutBenchmark(List<Integer> sizes, int changes) {
    this.sizes = sizes;
    this.changes = changes;
    for (int i = 0; i < Integer.getInteger("bench.fanout.clients", 4); i++) {
      // Each client's selector thread reads its screens' frames and calls their listeners itself:
      // the default executor would hand every frame to a pool thread, work a real screen does on
      // its own device but that here takes the cores the server is measured on.
      clients.add(HttpClient.newBuilder().executor(Runnable::run).build());
    }
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String size : System.getProperty("bench.fanout.sizes", "1000,5000").split(",")) {
      sizes.add(Integer.parseInt(size.trim()));
    }
    int changes = Integer.getInteger("bench.fanout.changes", 20);
    new FanOutBenchmark(sizes, changes).run();
  }

  private void run() throws Exception {
    try {
      start();
      for (int size : sizes) {
        grow(size);
        measure(size);
      }
    } finally {
      screens.forEach(Screen::abort);
      if (bench != null) {
        bench.close();
      }
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Fan-out, one node (%s, %d cores): %d track changes per size after %d to warm up,"
            + " server -Xmx%s%s, screens on %d client selector threads in their own JVM%n",
        System.getProperty("marquee.test.db"),
        Runtime.getRuntime().availableProcessors(),
        changes,
        WARM_UP_CHANGES,
        System.getProperty("marquee.it.max-heap", "512m"),
        System.getProperty("marquee.it.jvm-options", "").isBlank()
            ? ""
            : " " + System.getProperty("marquee.it.jvm-options").strip(),
        clients.size());
    System.out.println(
        "| screens | receipts | event → screen p50 | p99 | max | first screen p50 | last screen p50"
            + " | server CPU | bench CPU | heap used p50 | heap used max |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private void start() throws IOException {
    Map<String, String> settings = new HashMap<>();
    // A skip shows within the base interval; a short one keeps the rounds short.
    settings.put("MARQUEE_POLLING_BASE_INTERVAL", "PT1S");
    settings.put("MARQUEE_POLLING_MINIMUM_GAP", "PT0.5S");
    String keepAlive = System.getProperty("bench.fanout.keepalive-seconds", "");
    if (!keepAlive.isBlank()) {
      settings.put("MARQUEE_SCREENS_KEEPALIVE_SECONDS", keepAlive);
    }
    bench = BenchServer.start("fanout", settings);
    sandbox = bench.sandbox();
    server = bench.server();
    probe = bench.probe();
    org = bench.org();
    sandbox.createUser(USER, "Fan-out source");
    List<PlayableItem> queue = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      queue.add(
          Track.of("Change " + i, "The Fanners", "Fan-out", "2026-12-01", Duration.ofHours(1)));
    }
    sandbox.player(USER).setQueue(queue);
    accountId = probe.connect(org, sandbox, USER).path("accountId").asText();
    configurationId =
        body(probe.post(
                "it/screens/configurations",
                Map.of("organizationId", org.organizationId(), "accountId", accountId)))
            .path("configurationId")
            .asText();
  }

  /** Pairs and connects screens until there are {@code size}, each with its first state. */
  private void grow(int size) throws Exception {
    Instant started = Instant.now();
    List<String> tokens = new ArrayList<>();
    while (screens.size() + tokens.size() < size) {
      int batch = Math.min(500, size - screens.size() - tokens.size());
      body(probe.post(
              "it/screens/fleet",
              Map.of(
                  "organizationId",
                  org.organizationId(),
                  "configurationId",
                  configurationId,
                  "count",
                  batch)))
          .path("tokens")
          .forEach(token -> tokens.add(token.asText()));
    }
    String title = "Change " + trackNumber;
    for (int from = 0; from < tokens.size(); from += 100) {
      List<Screen> batch = new ArrayList<>();
      for (String token : tokens.subList(from, Math.min(from + 100, tokens.size()))) {
        HttpClient http = clients.get((screens.size() + batch.size()) % clients.size());
        batch.add(Screen.connect(http, server.webSocketUri("/ws/screen"), token, title));
      }
      for (Screen screen : batch) {
        screen.awaitTitle(Duration.ofSeconds(60));
      }
      screens.addAll(batch);
    }
    System.out.printf(
        Locale.ROOT,
        "%d screens connected, each with its state, in %d s%n",
        screens.size(),
        Duration.between(started, Instant.now()).toSeconds());
  }

  private void measure(int size) throws Exception {
    ServerMetrics metrics = new ServerMetrics(server);
    for (int i = 0; i < WARM_UP_CHANGES; i++) {
      change();
    }
    CpuClock serverCpu = CpuClock.ofProcess(server.pid());
    CpuClock benchCpu = CpuClock.ofProcess(ProcessHandle.current().pid());
    List<Long> latencies = new ArrayList<>();
    List<Long> lastScreen = new ArrayList<>();
    List<Long> firstScreen = new ArrayList<>();
    List<Long> heap = new ArrayList<>();
    for (int i = 0; i < changes; i++) {
      List<Long> round = change();
      latencies.addAll(round);
      lastScreen.add(new Percentiles(round).max());
      if (Boolean.getBoolean("bench.fanout.debug")) {
        System.out.printf(
            Locale.ROOT,
            "round %d: p50 %.1f ms, max %.1f ms%n",
            i,
            new Percentiles(round).at(0.5) / 1000.0,
            new Percentiles(round).max() / 1000.0);
      }
      firstScreen.add(new Percentiles(round).at(0));
      heap.add(metrics.usedHeapBytes());
    }
    double serverCores = serverCpu.coresSince();
    double benchCores = benchCpu.coresSince();
    Percentiles latency = new Percentiles(latencies);
    Percentiles last = new Percentiles(lastScreen);
    Percentiles first = new Percentiles(firstScreen);
    Percentiles heapUsed = new Percentiles(heap);
    rows.add(
        String.format(
            Locale.ROOT,
            "| %,d | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.0f %% | %.0f %% | %d MiB"
                + " | %d MiB |",
            size,
            latency.size(),
            latency.at(0.50) / 1000.0,
            latency.at(0.99) / 1000.0,
            latency.max() / 1000.0,
            first.at(0.50) / 1000.0,
            last.at(0.50) / 1000.0,
            serverCores * 100,
            benchCores * 100,
            heapUsed.at(0.50) >> 20,
            heapUsed.max() >> 20));
    System.out.println(rows.get(rows.size() - 1));
  }

  /**
   * Skips to the next track and waits until every screen has it.
   *
   * @return each screen's delay after the engine's change event, in microseconds
   */
  private List<Long> change() throws Exception {
    trackNumber++;
    String title = "Change " + trackNumber;
    screens.forEach(screen -> screen.expect(title));
    sandbox.player(USER).skip();
    for (Screen screen : screens) {
      screen.awaitTitle(Duration.ofSeconds(30));
    }
    long fired = firedAt(title);
    List<Long> delays = new ArrayList<>(screens.size());
    for (Screen screen : screens) {
      delays.add(screen.receivedAtMicros() - fired);
    }
    return delays;
  }

  private long firedAt(String title) {
    HttpResponse<String> response =
        probe.get(
            "it/screens/changes/"
                + accountId
                + "/"
                + URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20"));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "no change event for " + title + ": " + response.statusCode());
    }
    return body(response).path("firedAtMicros").asLong();
  }

  private static JsonNode body(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(response.statusCode() + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + response.body(), e);
    }
  }

  /** One screen: a socket that notes when the state with the expected title arrives. */
  private static final class Screen implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private volatile String expected;
    private volatile CountDownLatch arrived = new CountDownLatch(1);
    private volatile long receivedAtMicros;
    private WebSocket socket;

    static Screen connect(HttpClient http, URI uri, String token, String title) {
      Screen screen = new Screen();
      screen.expect(title);
      screen.socket =
          http.newWebSocketBuilder().buildAsync(uri, screen).orTimeout(30, TimeUnit.SECONDS).join();
      String hello =
          JSON.createObjectNode()
              .put("type", "hello")
              .put("token", token)
              .put("client", "marquee-bench/1")
              .toString();
      screen.socket.sendText(hello, true).join();
      return screen;
    }

    void expect(String title) {
      arrived = new CountDownLatch(1);
      expected = "\"track_name\":\"" + title + "\"";
    }

    void awaitTitle(Duration within) throws InterruptedException {
      if (!arrived.await(within.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("a screen did not get " + expected + " within " + within);
      }
    }

    long receivedAtMicros() {
      return receivedAtMicros;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      // No back-pressure from the screens' side: they read as fast as frames come.
      webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (arrived.getCount() > 0 && text.contains(expected)) {
          receivedAtMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
          arrived.countDown();
        }
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      System.out.println("a screen was closed: " + statusCode + " " + reason);
      return CompletableFuture.completedFuture(null);
    }

    void abort() {
      if (socket != null) {
        socket.abort();
      }
    }
  }
}
