package dev.marquee.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Poll capacity of one node: Marquee (Payara Micro with the shipped WAR and the test probes) polls
 * 1,000, then 5,000 playing accounts in the Spotify sandbox, in real time, with the default poll
 * settings but for the per-app call budget (one sandbox app holds every account). Prints poll
 * lateness, CPU and heap per size.
 *
 * <p>Lateness is read two ways. The server's own figure is the {@code marquee_poll_lateness_ms}
 * summary on {@code /metrics} (a decaying sample of recent polls, what an operator sees). The
 * benchmark's figure is exact and external: half of the accounts play one two-hour track, so with
 * jitter off each of their polls is due exactly the base interval after the previous one, and the
 * sandbox's call log shows how much later than that each call came. The other half play tracks of
 * 2.5-6 minutes, so track ends, changes and writes load the server as in real use.
 */
public final class CapacityBenchmark {

  private static final Duration BASE_INTERVAL = Duration.ofSeconds(15);

  private final List<Integer> sizes;
  private final Duration warmUp;
  private final Duration window;
  private final Random random = new Random(20251201);
  private final List<Account> steady = new ArrayList<>();
  private final List<String> rows = new ArrayList<>();
  private int accounts;

  private BenchServer bench;
  private SpotifySandbox sandbox;
  private MarqueeProcess server;
  private SpotifyProbeClient probe;
  private Org org;

  private CapacityBenchmark(List<Integer> sizes, Duration warmUp, Duration window) {
    this.sizes = sizes;
    this.warmUp = warmUp;
    this.window = window;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String size : System.getProperty("bench.capacity.sizes", "1000,5000").split(",")) {
      sizes.add(Integer.parseInt(size.trim()));
    }
    Duration warmUp = Duration.parse(System.getProperty("bench.capacity.warm-up", "PT60S"));
    Duration window = Duration.parse(System.getProperty("bench.capacity.window", "PT3M"));
    new CapacityBenchmark(sizes, warmUp, window).run();
  }

  private void run() throws Exception {
    try {
      start();
      for (int size : sizes) {
        grow(size);
        measure(size);
      }
    } finally {
      if (bench != null) {
        bench.close();
      }
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Poll capacity, one node (%s, %d cores): base interval %d s, %s warm-up, %s measured%n",
        System.getProperty("marquee.test.db"),
        Runtime.getRuntime().availableProcessors(),
        BASE_INTERVAL.toSeconds(),
        warmUp,
        window);
    System.out.println(
        "| playing accounts | calls/s | lateness p50 | p99 | max | server p50 | server p99"
            + " | server CPU | bench CPU | heap used p50 | heap used max |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private void start() throws IOException {
    Map<String, String> settings = new HashMap<>();
    // One sandbox app holds every account; the default budget protects a real app's quota.
    settings.put("MARQUEE_POLLING_CALLS_PER_30S_PER_APP", "1000000");
    // Exact due times for the external measure; jitter only spreads load, it adds no capacity.
    settings.put("MARQUEE_POLLING_JITTER", "0");
    bench = BenchServer.start("capacity", settings);
    sandbox = bench.sandbox();
    server = bench.server();
    probe = bench.probe();
    org = bench.org();
  }

  /** Connects and watches accounts until there are {@code size}, four connections at a time. */
  private void grow(int size) throws Exception {
    Instant started = Instant.now();
    ExecutorService connecting = Executors.newFixedThreadPool(4);
    try {
      List<Future<Account>> added = new ArrayList<>();
      for (int i = accounts; i < size; i++) {
        String user = String.format(Locale.ROOT, "cap-%05d", i);
        boolean isSteady = i % 2 == 0;
        List<PlayableItem> queue = queue(isSteady);
        added.add(connecting.submit(() -> connect(user, queue, isSteady)));
      }
      for (Future<Account> account : added) {
        Account connected = account.get();
        if (connected.steady()) {
          steady.add(connected);
        }
      }
    } finally {
      connecting.shutdown();
    }
    accounts = size;
    System.out.printf(
        Locale.ROOT,
        "%d accounts connected and watched in %d s%n",
        size,
        Duration.between(started, Instant.now()).toSeconds());
  }

  private Account connect(String user, List<PlayableItem> queue, boolean isSteady) {
    sandbox.createUser(user, "Capacity " + user);
    sandbox.player(user).setQueue(queue);
    String id = probe.connect(org, sandbox, user).path("accountId").asText();
    HttpResponse<String> watched = probe.post("it/polling/accounts/" + id + "/watch", Map.of());
    if (watched.statusCode() != 204) {
      throw new IllegalStateException("watch " + id + ": " + watched.statusCode());
    }
    return new Account(user, id, isSteady);
  }

  private List<PlayableItem> queue(boolean isSteady) {
    if (isSteady) {
      return List.of(track("Steady", Duration.ofHours(2)));
    }
    List<PlayableItem> queue = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      queue.add(track("Track " + i, Duration.ofSeconds(150 + random.nextInt(211))));
    }
    return queue;
  }

  private static Track track(String name, Duration length) {
    return Track.of(name, "The Benchmarkers", "Capacity", "2025-12-01", length);
  }

  private void measure(int size) throws Exception {
    System.out.printf(Locale.ROOT, "%d accounts: warming up for %s%n", size, warmUp);
    Thread.sleep(warmUp.toMillis());
    ServerMetrics metrics = new ServerMetrics(server);
    CpuClock serverCpu = CpuClock.ofProcess(server.pid());
    CpuClock benchCpu = CpuClock.ofProcess(ProcessHandle.current().pid());
    long callsBefore = sandbox.counters().calls("currently-playing");
    Instant from = Instant.now();
    List<Long> heap = new ArrayList<>();
    Instant end = from.plus(window);
    while (Instant.now().isBefore(end)) {
      heap.add(metrics.usedHeapBytes());
      Thread.sleep(5_000);
    }
    Instant to = Instant.now();
    double seconds = Duration.between(from, to).toMillis() / 1000.0;
    double calls = (sandbox.counters().calls("currently-playing") - callsBefore) / seconds;
    double serverCores = serverCpu.coresSince();
    double benchCores = benchCpu.coresSince();
    JsonNode lateness = metrics.lateness();
    Percentiles late = new Percentiles(latenessOfSteadyCalls(from, to));
    Percentiles heapUsed = new Percentiles(heap);
    rows.add(
        String.format(
            Locale.ROOT,
            "| %,d | %.0f | %d ms | %d ms | %d ms | %.0f ms | %.0f ms | %.0f %% | %.0f %% | %d MiB"
                + " | %d MiB |",
            size,
            calls,
            late.at(0.50),
            late.at(0.99),
            late.max(),
            lateness.path("0.5").asDouble(),
            lateness.path("0.99").asDouble(),
            serverCores * 100,
            benchCores * 100,
            heapUsed.at(0.50) >> 20,
            heapUsed.max() >> 20));
    System.out.println(rows.get(rows.size() - 1));
  }

  /**
   * For every steady account, how much later than the base interval after its previous call each
   * call in the window came (never negative: a call the base interval after the last is on time).
   */
  private List<Long> latenessOfSteadyCalls(Instant from, Instant to) {
    List<Long> lateness = new ArrayList<>();
    for (Account account : steady) {
      List<Instant> times = sandbox.counters().times(account.user(), "currently-playing");
      for (int i = 1; i < times.size(); i++) {
        Instant call = times.get(i);
        if (call.isBefore(from) || call.isAfter(to)) {
          continue;
        }
        Instant due = times.get(i - 1).plus(BASE_INTERVAL);
        long late = Math.max(0, Duration.between(due, call).toMillis());
        lateness.add(late);
        if (late > 2_000 && Boolean.getBoolean("bench.capacity.debug")) {
          System.out.println("late " + late + " ms: " + account + " " + times);
        }
      }
    }
    return lateness;
  }

  private record Account(String user, String id, boolean steady) {}
}
