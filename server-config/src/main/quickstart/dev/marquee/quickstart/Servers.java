package dev.marquee.quickstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Spotify sandbox and Marquee as child processes of the quick start, writing to its console.
 * Stopping asks both to stop (SIGTERM, which runs their shutdown hooks) and kills what is still
 * running after a grace period, so both ports are free within seconds.
 */
final class Servers {

  /** How long the servers get to stop cleanly before they are killed. */
  static final Duration GRACE = Duration.ofSeconds(6);

  private final Settings settings;
  private Process sandbox;
  private Process marquee;

  Servers(Settings settings) {
    this.settings = settings;
  }

  void start() throws IOException {
    sandbox = new ProcessBuilder(sandboxCommand()).inheritIO().start();
    ProcessBuilder marqueeBuilder =
        new ProcessBuilder(marqueeCommand()).directory(settings.directory().toFile()).inheritIO();
    Map<String, String> environment = marqueeBuilder.environment();
    // The links Marquee prints and hands out (the setup link, the Spotify redirect URI) name the
    // address it really listens on, and it talks to this sandbox; an operator's own values win.
    environment.putIfAbsent("MARQUEE_PUBLIC_URL", "http://127.0.0.1:" + settings.port());
    environment.putIfAbsent("MARQUEE_SPOTIFY_ACCOUNTS_URL", settings.sandboxUrl());
    environment.putIfAbsent("MARQUEE_SPOTIFY_API_URL", settings.sandboxUrl() + "/v1");
    marquee = marqueeBuilder.start();
  }

  long sandboxPid() {
    return sandbox.pid();
  }

  long marqueePid() {
    return marquee.pid();
  }

  Process sandbox() {
    return sandbox;
  }

  Process marquee() {
    return marquee;
  }

  /** Waits until one of the two exits and returns it. */
  Process firstExit() {
    return (Process) CompletableFuture.anyOf(sandbox.onExit(), marquee.onExit()).join();
  }

  /** Stops both and waits until they are gone. */
  void stop() {
    List<Process> running = new ArrayList<>();
    for (Process process : new Process[] {marquee, sandbox}) {
      if (process != null && process.isAlive()) {
        process.destroy();
        running.add(process);
      }
    }
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (Process process : running) {
      try {
        long left = deadline - System.nanoTime();
        if (!process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private List<String> sandboxCommand() {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(
        List.of(
            "-jar",
            settings.sandboxJar().toString(),
            "--port",
            Integer.toString(settings.sandboxPort()),
            "--demo",
            // What the sandbox issued survives a restart, so connected demo accounts keep working.
            "--state-file",
            settings.data().resolve("sandbox-state.json").toString()));
    if (settings.port() != 8080) {
      // The demo app knows Marquee's default redirect URI; on another port it needs this one.
      command.addAll(
          List.of("--redirect-uri", "http://127.0.0.1:" + settings.port() + "/spotify/callback"));
    }
    return command;
  }

  private List<String> marqueeCommand() throws IOException {
    return List.of(
        java(),
        "-jar",
        settings.marqueeJar().toString(),
        "--rootdir",
        settings.data().resolve("payara").toString(),
        "--port",
        Integer.toString(settings.port()),
        "--prebootcommandfile",
        settings.preBootCommands().toString(),
        "--logproperties",
        loggingProperties().toString());
  }

  /**
   * Marquee's logging configuration with the quick start's additions after it (a later key wins):
   * written next to the data, as Payara Micro reads one file.
   */
  private Path loggingProperties() throws IOException {
    Path merged = settings.data().resolve("quickstart-logging.properties");
    String text =
        Files.readString(settings.loggingProperties(), StandardCharsets.UTF_8)
            + System.lineSeparator()
            + Files.readString(settings.quickStartLogging(), StandardCharsets.UTF_8);
    Files.writeString(merged, text, StandardCharsets.UTF_8);
    return merged;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
