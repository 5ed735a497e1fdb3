package dev.marquee.it.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Marquee running in a process of its own, as an operator runs it: the uber jar {@code
 * marquee.jar}, or Payara Micro with a WAR. Its console output goes to a log file the tests read.
 */
public final class MarqueeProcess implements AutoCloseable {

  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
  private static final java.util.regex.Pattern BOOTED =
      java.util.regex.Pattern.compile("Payara Micro [^\\n]* ready in [0-9,.]+ \\(ms\\)");

  private final List<String> command;
  private final Map<String, String> environment;
  private final Path workDirectory;
  private final int port;
  private Path log;
  private int starts;
  private Process process;
  private long bootMillis;

  private MarqueeProcess(
      List<String> command, Map<String, String> environment, Path workDirectory, int port) {
    this.command = command;
    this.environment = environment;
    this.workDirectory = workDirectory;
    this.port = port;
  }

  /** The uber jar built by this module, in a work directory of its own. */
  public static MarqueeProcess uberJar(String name, Map<String, String> environment) {
    return uberJar(name, environment, FreePort.pick());
  }

  /** The uber jar on a port chosen by the caller (who may need it for the public URL). */
  public static MarqueeProcess uberJar(String name, Map<String, String> environment, int port) {
    Path jar = Path.of(System.getProperty("marquee.uber.jar", "target/marquee.jar"));
    return create(name, environment, List.of("-jar", jar.toAbsolutePath().toString()), port);
  }

  /**
   * Payara Micro with the given WAR at the root context, and the pre-boot commands marquee.jar has
   * baked in.
   */
  public static MarqueeProcess war(String name, Path war, Map<String, String> environment) {
    return war(name, war, environment, FreePort.pick());
  }

  /** The WAR on a port chosen by the caller (who may need it for the public URL). */
  public static MarqueeProcess war(
      String name, Path war, Map<String, String> environment, int port) {
    Path micro = Path.of(System.getProperty("payara.micro.jar", "target/payara-micro.jar"));
    Path preBoot =
        Path.of(
            System.getProperty(
                "marquee.preboot.commands", "src/main/payara/pre-boot-commands.asadmin"));
    return create(
        name,
        environment,
        List.of(
            "-jar",
            micro.toAbsolutePath().toString(),
            "--deploy",
            war.toAbsolutePath().toString(),
            "--contextroot",
            "/",
            "--prebootcommandfile",
            preBoot.toAbsolutePath().toString(),
            "--nocluster"),
        port);
  }

  private static MarqueeProcess create(
      String name, Map<String, String> environment, List<String> launch, int port) {
    Path directory = Path.of(System.getProperty("marquee.it.dir", "target/it"), "servers", name);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The suite's servers are small; a benchmark may give its server the heap it measures against.
    command.add("-Xmx" + System.getProperty("marquee.it.max-heap", "512m"));
    // A benchmark may also give its server the JVM options operators are told to use.
    String jvmOptions = System.getProperty("marquee.it.jvm-options", "").strip();
    if (!jvmOptions.isEmpty()) {
      command.addAll(List.of(jvmOptions.split("\\s+")));
    }
    command.addAll(launch);
    command.addAll(
        List.of(
            "--port",
            Integer.toString(port),
            "--rootdir",
            directory.resolve("payara").toAbsolutePath().toString()));
    return new MarqueeProcess(command, environment, directory, port);
  }

  /**
   * Starts the server and returns once Payara Micro says it is up (not necessarily ready). Every
   * start gets an empty Payara root directory, as docs/operations.md tells operators to do, and a
   * log file of its own.
   */
  public MarqueeProcess start() {
    starts++;
    log = workDirectory.resolve("marquee-" + starts + ".log");
    Directories.deleteRecursively(workDirectory.resolve("payara"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Whatever happens to the test, its server never outlives the test JVM.
    Process launched = process;
    Runtime.getRuntime().addShutdownHook(new Thread(launched::destroyForcibly));
    await("Payara Micro to boot (log: " + log + ")")
        .atMost(BOOT_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> booted() || !process.isAlive());
    if (!process.isAlive()) {
      throw new IllegalStateException("Marquee exited during boot; see " + log);
    }
    bootMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return this;
  }

  /** Waits until {@code /health/ready} answers 200. */
  public MarqueeProcess awaitReady() {
    await("Marquee to be ready (log: " + log + ")")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(java.net.ConnectException.class)
        .until(() -> get("/health/ready").statusCode() == 200);
    return this;
  }

  /** Waits until the server answers HTTP at all (ready or not). */
  public MarqueeProcess awaitHttp() {
    await("Marquee to answer HTTP (log: " + log + ")")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreException(java.net.ConnectException.class)
        .until(() -> get("/health/live").statusCode() == 200);
    return this;
  }

  private boolean booted() throws IOException {
    return Files.exists(log)
        && BOOTED.matcher(Files.readString(log, StandardCharsets.UTF_8)).find();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public URI webSocketUri(String path) {
    return URI.create("ws://127.0.0.1:" + port + path);
  }

  public int port() {
    return port;
  }

  /** The server's operating-system process id, for benchmarks that read its CPU time. */
  public long pid() {
    return process.pid();
  }

  public long bootMillis() {
    return bootMillis;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Everything the server has printed so far. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server the way an operator's Ctrl-C or systemd stop does, and waits for it. */
  public void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The environment of a server on the given database, plus anything else the test needs. */
  public static Map<String, String> environment(TestDatabase database, Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>(database.environment());
    environment.putAll(extra);
    return environment;
  }
}
