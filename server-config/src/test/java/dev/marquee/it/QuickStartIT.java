package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.it.support.FreePort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as a process: a real Maven runs the run profile's launch step (from the
 * jars this build made, building nothing, in a directory and on ports of its own). Ctrl-C (SIGINT)
 * and SIGTERM to that Maven process stop Marquee and the sandbox; a second start while one runs
 * says so and exits at once, having touched nothing.
 */
class QuickStartIT {

  private static final Duration BOOT = Duration.ofMinutes(4);
  private static final Duration STOPPED_WITHIN = Duration.ofSeconds(10);
  private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

  @TempDir Path dir;

  @Test
  void sigintAndSigtermToMavenFreeBothPortsAndASecondStartChangesNothing() throws Exception {
    int port = FreePort.pick();
    int sandboxPort = FreePort.pick();

    RunCommand first = RunCommand.start(dir, port, sandboxPort).awaitReady();
    try {
      Path jar = PROJECT.resolve("server-config/target/marquee.jar");
      var dataBefore = listing(dir.resolve("data"));
      var jarBefore = Files.getLastModifiedTime(jar);

      RunCommand second = RunCommand.start(dir, port, sandboxPort);
      Instant asked = Instant.now();
      assertThat(second.process.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS))
          .as("a second start exits within %s; it printed:%n%s", STOPPED_WITHIN, second.output())
          .isTrue();
      assertThat(second.process.exitValue()).as(second.output()).isNotZero();
      assertThat(second.output()).contains("already running").contains("changed nothing");
      System.out.printf(
          "QuickStartIT: a second start exited %d after %d ms%n",
          second.process.exitValue(), Duration.between(asked, Instant.now()).toMillis());
      // The running Marquee writes its H2 file by itself (H2 flushes commits in the background,
      // some after ready): that file is the first server's, so it is left out of the comparison.
      dataBefore.remove("marquee.mv.db");
      var dataAfter = listing(dir.resolve("data"));
      assertThat(dataAfter).containsKey("marquee.mv.db");
      dataAfter.remove("marquee.mv.db");
      assertThat(dataBefore).hasSizeGreaterThan(100).containsKeys("payara", "sandbox-state.json");
      assertThat(changes(dataBefore, dataAfter))
          .as("files the second start added, removed or changed in data/")
          .isEmpty();
      assertThat(Files.getLastModifiedTime(jar)).isEqualTo(jarBefore);
      assertThat(listening(port)).as("the first Marquee still serves").isTrue();

      first.signal("INT");
      awaitPortsFree(first, port, sandboxPort);
    } finally {
      first.kill();
    }

    RunCommand again = RunCommand.start(dir, port, sandboxPort).awaitReady();
    try {
      again.signal("TERM");
      awaitPortsFree(again, port, sandboxPort);
    } finally {
      again.kill();
    }
  }

  private static void awaitPortsFree(RunCommand run, int port, int sandboxPort)
      throws InterruptedException {
    Instant signalled = Instant.now();
    Instant deadline = signalled.plus(STOPPED_WITHIN);
    while ((listening(port) || listening(sandboxPort)) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50); // polling a port: there is no event to await from outside the process
    }
    assertThat(listening(port) || listening(sandboxPort))
        .as(
            "ports %d and %d free within %s; Maven printed:%n%s",
            port, sandboxPort, STOPPED_WITHIN, run.output())
        .isFalse();
    System.out.printf(
        "QuickStartIT: both ports free %d ms after the signal%n",
        Duration.between(signalled, Instant.now()).toMillis());
    assertThat(run.process.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS))
        .as("Maven ends too")
        .isTrue();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static List<String> changes(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    before.forEach(
        (file, facts) -> {
          if (!facts.equals(after.get(file))) {
            changed.add(file + ": " + facts + " -> " + after.get(file));
          }
        });
    after.keySet().stream()
        .filter(file -> !before.containsKey(file))
        .forEach(file -> changed.add(file + ": new"));
    return changed;
  }

  /** Every file under a directory with its size and modification time. */
  private static TreeMap<String, String> listing(Path root) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        files.put(
            root.relativize(path).toString(),
            attributes.size() + " " + attributes.lastModifiedTime().toMillis());
      }
    }
    return files;
  }

  /** {@code ./mvnw -Prun} started the way a terminal starts it, with its output kept. */
  private static final class RunCommand {
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Object printed = new Object();

    private RunCommand(Process process) {
      this.process = process;
      Thread reader = new Thread(this::read, "quick-start-output");
      reader.setDaemon(true);
      reader.start();
    }

    static RunCommand start(Path dir, int port, int sandboxPort) throws IOException {
      List<String> command = new ArrayList<>();
      // A terminal's Ctrl-C reaches a process whose SIGINT has its default action; a process
      // started in the background by a shell (as CI may be) inherits SIGINT ignored.
      command.addAll(List.of("env", "--default-signal=INT"));
      command.addAll(
          List.of(
              PROJECT.resolve("mvnw").toString(),
              "-q",
              "-N",
              "-Prun",
              "-Dmarquee.run.launch-phase=validate",
              "-Dmarquee.run.dir=" + dir,
              "-Dmarquee.run.port=" + port,
              "-Dmarquee.run.sandbox-port=" + sandboxPort,
              "validate"));
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
      builder.environment().remove("MARQUEE_PUBLIC_URL");
      return new RunCommand(builder.start());
    }

    RunCommand awaitReady() throws InterruptedException {
      Instant deadline = Instant.now().plus(BOOT);
      synchronized (printed) {
        while (!output.toString().contains("Marquee is ready")) {
          long left = Duration.between(Instant.now(), deadline).toMillis();
          assertThat(left > 0 && process.isAlive())
              .as("the run command says it is ready; it printed:%n%s", output())
              .isTrue();
          printed.wait(Math.min(left, 1000));
        }
      }
      return this;
    }

    void signal(String name) throws IOException, InterruptedException {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
      assertThat(kill.waitFor()).isZero();
    }

    String output() {
      return output.toString();
    }

    void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }

    private void read() {
      try (InputStream in = process.getInputStream()) {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
          output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          synchronized (printed) {
            printed.notifyAll();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
