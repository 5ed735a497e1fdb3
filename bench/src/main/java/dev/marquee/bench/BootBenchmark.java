package dev.marquee.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Boot to ready and idle memory of the uber jar, as an operator starts it ({@code java -jar
 * marquee.jar}, no tuning flags) on the default H2 database: for each run a fresh working
 * directory, the time from process start until {@code /health/ready} answers 200, then the resident
 * set size after the server has been idle for a while.
 *
 * <p>Targets (docs/architecture.md): ready in 20 s or less, idle RSS 600 MiB or less.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java}.
 */
public final class BootBenchmark {

  private static final Duration IDLE = Duration.ofSeconds(20);
  private static final Duration BOOT_LIMIT = Duration.ofMinutes(3);

  private record Run(long readyMillis, long idleRssKib) {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(setting(args, 0, "bench.jar", "server-config/target/marquee.jar"));
    int runs = Integer.parseInt(setting(args, 1, "bench.runs", "3"));
    Path work = Path.of(setting(args, 2, "bench.work", "bench/target/boot"));
    if (!Files.isRegularFile(jar)) {
      System.err.println("No uber jar at " + jar + ": build it with ./mvnw install -DskipTests");
      System.exit(2);
    }
    List<Run> results = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Run run = measure(jar, work.resolve("run-" + i));
      results.add(run);
      System.out.printf(
          "run %d: ready in %.1f s, idle RSS %d MiB%n",
          i, run.readyMillis() / 1000.0, run.idleRssKib() / 1024);
    }
    print(results);
  }

  /** An argument if given, else the system property exec:java sets, else the default. */
  private static String setting(String[] args, int index, String property, String fallback) {
    return args.length > index ? args[index] : System.getProperty(property, fallback);
  }

  private static Run measure(Path jar, Path directory) throws Exception {
    deleteRecursively(directory);
    Files.createDirectories(directory);
    int port = freePort();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toAbsolutePath().toString(),
                "--port",
                Integer.toString(port),
                "--rootdir",
                directory.resolve("payara").toString())
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("marquee.log").toFile())
            .start();
    try {
      long started = System.nanoTime();
      awaitReady(port, process);
      long readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      // An idle server: let start-up garbage and JIT settle before reading its memory.
      Thread.sleep(IDLE.toMillis());
      return new Run(readyMillis, residentKib(process.pid()));
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static void awaitReady(int port, Process process) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + BOOT_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Marquee exited while booting");
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // the HTTP listener is not up yet, or resets connections while it starts
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Marquee was not ready within " + BOOT_LIMIT);
  }

  private static long residentKib(long pid) throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines
          .filter(line -> line.startsWith("VmRSS:"))
          .map(line -> line.replaceAll("[^0-9]", ""))
          .mapToLong(Long::parseLong)
          .findFirst()
          .orElseThrow();
    }
  }

  private static void print(List<Run> results) {
    List<Long> ready = results.stream().map(Run::readyMillis).sorted().toList();
    List<Long> rss = results.stream().map(Run::idleRssKib).sorted().toList();
    System.out.printf(
        "boot to ready: min %.1f s, median %.1f s, max %.1f s (target <= 20 s)%n",
        ready.get(0) / 1000.0,
        ready.get(ready.size() / 2) / 1000.0,
        ready.get(ready.size() - 1) / 1000.0);
    System.out.printf(
        "idle RSS:      min %d MiB, median %d MiB, max %d MiB (target <= 600 MiB)%n",
        rss.get(0) / 1024, rss.get(rss.size() / 2) / 1024, rss.get(rss.size() - 1) / 1024);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private BootBenchmark() {}
}
