package dev.marquee.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The quick start ({@code ./mvnw -Prun package}), run inside Maven's JVM by exec:java, so that
 * whatever stops Maven (Ctrl-C, SIGINT, SIGTERM) runs this class's shutdown hook, which stops both
 * servers.
 *
 * <ul>
 *   <li>{@code check}: the root pom's first step, before anything is built. Takes the quick start's
 *       lock for this Maven process; when another quick start holds it, or a port is taken, says so
 *       and exits 1 having changed nothing.
 *   <li>{@code run}: after the build. Starts the sandbox and Marquee and stays until Maven is
 *       stopped or one of them exits.
 * </ul>
 */
public final class QuickStart {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final Settings settings;
  private final AtomicBoolean stopping = new AtomicBoolean();

  private QuickStart(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0 || !List.of("check", "run").contains(args[0])) {
      throw new IllegalArgumentException("Usage: QuickStart check|run name=value…");
    }
    QuickStart quickStart =
        new QuickStart(
            Settings.parse(List.of(args).subList(1, args.length).toArray(String[]::new)));
    QuickStartLock lock = quickStart.claim();
    if (args[0].equals("run")) {
      quickStart.run(lock);
    }
  }

  /** Takes the lock and checks the ports; on failure says why and ends the JVM with status 1. */
  private QuickStartLock claim() {
    Optional<QuickStartLock> lock = QuickStartLock.tryAcquire(settings.data());
    if (lock.isEmpty()) {
      refuse(alreadyRunning(QuickStartLock.holder(settings.data())));
    }
    List<String> taken = new ArrayList<>();
    if (!Ports.free(settings.port())) {
      taken.add(portTaken(settings.port(), "Marquee", "marquee"));
    }
    if (!Ports.free(settings.sandboxPort())) {
      taken.add(portTaken(settings.sandboxPort(), "the Spotify sandbox", "sandbox"));
    }
    if (!taken.isEmpty()) {
      taken.add(
          "Or start on other ports: ./mvnw -Prun package -Dmarquee.run.port=… -Dmarquee.run.sandbox-port=…");
      refuse(String.join(System.lineSeparator(), taken));
    }
    Properties holder = new Properties();
    holder.setProperty("maven.pid", Long.toString(ProcessHandle.current().pid()));
    holder.setProperty("started", Instant.now().toString());
    holder.setProperty("directory", settings.directory().toString());
    holder.setProperty("url", settings.url());
    holder.setProperty("sandbox.url", settings.sandboxUrl());
    lock.get().describe(holder);
    return lock.get();
  }

  private String alreadyRunning(Properties holder) {
    String pid = holder.getProperty("maven.pid", "?");
    String since =
        Optional.ofNullable(holder.getProperty("started"))
            .map(started -> ", since " + TIME.format(Instant.parse(started)))
            .orElse("");
    return String.join(
        System.lineSeparator(),
        "Marquee's quick start is already running in "
            + settings.directory()
            + " (Maven process "
            + pid
            + since
            + "):",
        "  Marquee:          " + holder.getProperty("url", settings.url()),
        "  Spotify sandbox:  " + holder.getProperty("sandbox.url", settings.sandboxUrl()),
        "Stop it with Ctrl-C in its terminal, or: kill " + pid);
  }

  /**
   * Why a port cannot be used; names the process when it is a server of an earlier quick start
   * whose Maven process was killed without stopping it (the lock went with that process, the server
   * not).
   */
  private String portTaken(int port, String who, String key) {
    Properties earlier = QuickStartLock.holder(settings.data());
    Optional<ProcessHandle> leftOver =
        Optional.ofNullable(earlier.getProperty(key + ".pid"))
            .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
            .filter(ProcessHandle::isAlive)
            .filter(
                handle ->
                    handle
                        .info()
                        .startInstant()
                        .map(Instant::toString)
                        .equals(Optional.ofNullable(earlier.getProperty(key + ".started"))));
    if (leftOver.isPresent()) {
      long pid = leftOver.get().pid();
      return "Port "
          + port
          + " is held by "
          + who
          + " (process "
          + pid
          + ") of an earlier quick start whose Maven process was killed. Stop it with: kill "
          + pid;
    }
    return "Port "
        + port
        + " (for "
        + who
        + ") is in use by another program; see which: ss -ltnp 'sport = :"
        + port
        + "'";
  }

  private static void refuse(String why) {
    System.err.println();
    System.err.println(why);
    System.err.println("This start changed nothing (no build, data/ untouched).");
    System.err.flush();
    System.exit(1);
  }

  private void run(QuickStartLock lock) throws IOException {
    // Payara's runtime directory is rebuilt from marquee.jar at every start: a reused one would
    // deploy the previous copy of Marquee next to the new one. Only now, under the lock.
    deleteRecursively(settings.data().resolve("payara"));
    Servers servers = new Servers(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(servers), "quickstart-stop"));
    servers.start();
    Properties holder = QuickStartLock.holder(settings.data());
    describe(holder, "marquee", servers.marquee());
    describe(holder, "sandbox", servers.sandbox());
    lock.describe(holder);
    System.out.printf(
        "%nStarting the Spotify sandbox (%s) and Marquee (%s) from %s. Ctrl-C stops both.%n%n",
        settings.sandboxUrl(), settings.url(), settings.data());
    announceWhenReady(servers.marquee());
    Process exited = servers.firstExit();
    if (stopping.get()) {
      return;
    }
    String which = exited == servers.marquee() ? "Marquee" : "The Spotify sandbox";
    System.err.printf(
        "%n%s exited with status %d (its output above says why); stopping the other.%n",
        which, exited.exitValue());
    stopping.set(true);
    servers.stop();
    System.exit(1);
  }

  private static void describe(Properties holder, String key, Process process) {
    holder.setProperty(key + ".pid", Long.toString(process.pid()));
    process
        .info()
        .startInstant()
        .ifPresent(started -> holder.setProperty(key + ".started", started.toString()));
  }

  private void stop(Servers servers) {
    if (stopping.compareAndSet(false, true)) {
      System.out.printf("%nStopping Marquee and the Spotify sandbox…%n");
      servers.stop();
      System.out.println("Stopped.");
      System.out.flush();
    }
  }

  /** Prints where to open Marquee once it is ready, from a thread of its own. */
  private void announceWhenReady(Process marquee) {
    Thread announcer =
        new Thread(
            () -> {
              if (awaitReady(marquee)) {
                System.out.printf(
                    "%nMarquee is ready: open %s (Ctrl-C stops Marquee and the sandbox)%n%n",
                    settings.url());
              }
            },
            "quickstart-ready");
    announcer.setDaemon(true);
    announcer.start();
  }

  private boolean awaitReady(Process marquee) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // Readiness is asked only once the application answers: a health check during deployment
    // reaches EJBs that are still initializing, and Payara logs that with a stack trace.
    HttpRequest deployed =
        HttpRequest.newBuilder(URI.create(settings.url() + "api/version"))
            .timeout(Duration.ofSeconds(5))
            .build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(settings.url() + "health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    boolean answers = false;
    while (marquee.isAlive() && !stopping.get()) {
      try {
        answers =
            answers
                || client.send(deployed, HttpResponse.BodyHandlers.discarding()).statusCode()
                    == 200;
        if (answers
            && client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot empty " + directory, e);
    }
  }
}
