package dev.marquee.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away Payara Server domain under {@code target/}, driven with {@code asadmin}.
 *
 * <p>Every command runs with the JDK that runs the tests ({@code java -jar appserver-cli.jar}, the
 * same as the {@code asadmin} script), with a bounded timeout; the domain's server process is
 * stopped by {@link #stop()}, and by a shutdown hook if the test JVM is interrupted first.
 */
final class PayaraDomain {

  /** The ports a domain uses, as offsets from {@code create-domain --portbase}. */
  private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

  private static final int HTTP_OFFSET = 80;
  private static final int ADMIN_OFFSET = 48;

  private final Path payaraHome;
  private final Path domainsDir;
  private final String name;
  private final Path commandLog;
  private final Map<String, String> environment;
  private int portBase;
  private Thread shutdownHook;

  /**
   * @param payaraHome the unpacked distribution ({@code payara6})
   * @param workDir where the domain and the log of asadmin commands go
   * @param environment variables for the server (in addition to the test JVM's, minus every {@code
   *     MARQUEE_*}, so a developer's own settings never leak into the test server)
   */
  PayaraDomain(Path payaraHome, Path workDir, String name, Map<String, String> environment) {
    this.payaraHome = payaraHome;
    this.domainsDir = workDir.resolve("domains");
    this.name = name;
    this.commandLog = workDir.resolve("asadmin-" + name + ".log");
    this.environment = Map.copyOf(environment);
  }

  int httpPort() {
    return portBase + HTTP_OFFSET;
  }

  int adminPort() {
    return portBase + ADMIN_OFFSET;
  }

  Path domainDir() {
    return domainsDir.resolve(name);
  }

  Path serverLog() {
    return domainDir().resolve("logs/server.log");
  }

  /** Removes what an earlier run left (stopping its server if it still runs), then creates. */
  void create(Duration timeout) {
    if (Files.isDirectory(domainDir())) {
      serverProcess()
          .ifPresent(leftover -> killAndWait(leftover, "a server left by an earlier run"));
      deleteRecursively(domainDir());
    }
    portBase = freePortBase();
    asadmin(
        timeout,
        "--interactive=false",
        "create-domain",
        "--portbase",
        Integer.toString(portBase),
        "--nopassword=true",
        "--domaindir",
        domainsDir.toString(),
        name);
  }

  void start(Duration timeout) {
    shutdownHook = new Thread(this::killIfRunning, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    asadmin(
        timeout,
        "--interactive=false",
        "start-domain",
        "--timeout",
        Long.toString(timeout.toSeconds()),
        "--domaindir",
        domainsDir.toString(),
        name);
  }

  /** Runs a command against the running domain's admin port. */
  String remote(Duration timeout, String... command) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--interactive=false");
    arguments.add("--host");
    arguments.add("127.0.0.1");
    arguments.add("--port");
    arguments.add(Integer.toString(adminPort()));
    arguments.add("--user");
    arguments.add("admin");
    arguments.addAll(List.of(command));
    return asadmin(timeout, arguments.toArray(String[]::new));
  }

  /** Stops the domain; kills its process if {@code stop-domain} fails or times out. */
  void stop(Duration timeout) {
    try {
      if (serverProcess().isPresent()) {
        asadmin(timeout, "stop-domain", "--domaindir", domainsDir.toString(), name);
      }
    } finally {
      killIfRunning();
      if (shutdownHook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
          // The hook runs anyway.
        }
      }
    }
  }

  boolean isRunning() {
    return serverProcess().isPresent();
  }

  private void killIfRunning() {
    serverProcess().ifPresent(process -> killAndWait(process, "the server of domain " + name));
  }

  private static void killAndWait(ProcessHandle process, String what) {
    System.out.printf("Stopping %s (pid %d)%n", what, process.pid());
    process.destroy();
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception notYet) {
      process.destroyForcibly();
    }
  }

  /** The domain's server process, from the pid file it writes while it runs. */
  private Optional<ProcessHandle> serverProcess() {
    Path pidFile = domainDir().resolve("config/pid");
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * Runs asadmin and returns its output; fails with the output when it exits non-zero or does not
   * finish in time (the command is then killed).
   */
  String asadmin(Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(payaraHome.resolve("glassfish/lib/client/appserver-cli.jar").toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("MARQUEE_"));
    env.put("AS_JAVA", System.getProperty("java.home"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.putAll(environment);
    try {
      Path output = Files.createTempFile(commandLog.getParent(), "asadmin", ".out");
      builder.redirectOutput(output.toFile());
      long started = System.nanoTime();
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      Files.delete(output);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      Files.writeString(
          commandLog,
          String.format(
              "$ asadmin %s%n%s(exit %s after %d ms)%n%n",
              String.join(" ", arguments),
              text,
              finished ? Integer.toString(process.exitValue()) : "none: timed out",
              took.toMillis()),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      if (!finished) {
        throw new AssertionError(
            "asadmin "
                + String.join(" ", arguments)
                + " did not finish in "
                + timeout
                + ":\n"
                + text);
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "asadmin "
                + String.join(" ", arguments)
                + " failed (exit "
                + process.exitValue()
                + "); server log: "
                + serverLog()
                + "\n"
                + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while running asadmin", e);
    }
  }

  /**
   * A port base whose every port is free now, starting at a random one between 20000 and 29900 so
   * that two builds on one machine rarely try the same; far from 8080 and below the ephemeral
   * range.
   */
  private static int freePortBase() {
    int candidates = 100;
    int first = ThreadLocalRandom.current().nextInt(candidates);
    for (int i = 0; i < candidates; i++) {
      int base = 20_000 + ((first + i) % candidates) * 100;
      boolean allFree = true;
      for (int offset : PORT_OFFSETS) {
        if (!isFree(base + offset)) {
          allFree = false;
          break;
        }
      }
      if (allFree) {
        return base;
      }
    }
    throw new IllegalStateException("No free port base between 20000 and 29900");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException inUse) {
      return false;
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
