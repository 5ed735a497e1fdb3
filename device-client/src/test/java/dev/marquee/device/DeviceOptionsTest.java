package dev.marquee.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.device.DeviceOptions.Mode;
import java.awt.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceOptionsTest {

  @Test
  void checkNeedsOnlyAServerAndWaitsTenSecondsByDefault() throws Exception {
    DeviceOptions options = DeviceOptions.parse("--server", "ws://127.0.0.1:8080", "--check");

    assertThat(options.mode()).isEqualTo(Mode.CHECK);
    assertThat(options.server().endpoint()).hasToString("ws://127.0.0.1:8080/ws/screen");
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void takesValuesAfterAnEqualsSignAndFractionsOfSeconds() throws Exception {
    DeviceOptions options =
        DeviceOptions.parse("--check", "--timeout=0.25", "--server=https://marquee.example.org");

    assertThat(options.server().endpoint()).hasToString("wss://marquee.example.org/ws/screen");
    assertThat(options.timeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void withoutCheckTheClientRunsWithDefaultsForEverythingButTheServer() throws Exception {
    DeviceOptions options = DeviceOptions.parse("--server", "http://marquee.local:8080");

    assertThat(options.mode()).isEqualTo(Mode.RUN);
    RunSettings run = options.run();
    assertThat(run.output()).isEqualTo(OutputKind.WINDOW);
    assertThat(run.size()).isNull();
    assertThat(run.framebuffer()).isEqualTo(Path.of("/dev/fb0"));
    assertThat(run.cacheMaxBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(run.tokenFile().endsWith(Path.of("marquee-device", "token"))).isTrue();
    assertThat(run.logLevel()).isEqualTo(Level.INFO);
    assertThat(run.framesPerSecond()).isEqualTo(2);
  }

  @Test
  void thePngOutputDrawsAt800x480UnlessToldOtherwise() throws Exception {
    assertThat(DeviceOptions.parse("--server", "ws://a", "--output", "png").run().size())
        .isEqualTo(new Dimension(800, 480));
    assertThat(
            DeviceOptions.parse("--server", "ws://a", "--output=png", "--size=480x320")
                .run()
                .size())
        .isEqualTo(new Dimension(480, 320));
  }

  @Test
  void theConfigFileSetsWhatTheFlagsDoNotAndFlagsWin(@TempDir Path directory) throws Exception {
    Path config = directory.resolve("device.properties");
    Files.writeString(
        config,
        "server = ws://from-file:8080\noutput = framebuffer\ncache-dir = /var/cache/m\n"
            + "log-level = debug\nfps = 4\n");

    DeviceOptions options = DeviceOptions.parse("--config", config.toString(), "--fps", "1");

    assertThat(options.server().endpoint()).hasToString("ws://from-file:8080/ws/screen");
    assertThat(options.run().output()).isEqualTo(OutputKind.FRAMEBUFFER);
    assertThat(options.run().cacheDirectory()).isEqualTo(Path.of("/var/cache/m"));
    assertThat(options.run().logLevel()).isEqualTo(Level.FINE);
    assertThat(options.run().framesPerSecond()).isEqualTo(1);
  }

  @Test
  void aConfigFileWithAnUnknownSettingIsRefused(@TempDir Path directory) throws Exception {
    Path config = directory.resolve("device.properties");
    Files.writeString(config, "server=ws://a\nscreen=big\n");

    assertThatThrownBy(() -> DeviceOptions.parse("--config", config.toString()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("unknown setting 'screen'");
  }

  @Test
  void helpWinsOverEverythingElseAndVersionOverTheCheck() throws Exception {
    assertThat(DeviceOptions.parse("--check", "--version", "--help").mode()).isEqualTo(Mode.HELP);
    assertThat(DeviceOptions.parse("-h").mode()).isEqualTo(Mode.HELP);
    assertThat(DeviceOptions.parse("--check", "--version").mode()).isEqualTo(Mode.VERSION);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--check                                   | --check needs --server URL",
        "--check --timeout 3                       | --check needs --server URL",
        "''                                        | --server URL is needed",
        "--output png                              | --server URL is needed",
        "--server ws://a --output tv               | --output 'tv' is none of",
        "--server ws://a --size 800                | --size '800' is not WIDTHxHEIGHT",
        "--server ws://a --size 100x100            | --size '100x100' is outside",
        "--server ws://a --fps 0                   | --fps needs a whole number from 1 to 30",
        "--server ws://a --cache-max-mb lots       | --cache-max-mb needs a whole number",
        "--server ws://a --log-level loud          | --log-level 'loud' is none of",
        "--server ws://a --config /nonexistent/x   | --config /nonexistent/x cannot be read",
        "--check --server                          | --server needs a value",
        "--check --server --timeout 3              | --server needs a value",
        "--check --server ftp://h                  | --server 'ftp://h' has scheme 'ftp'",
        "--check --server not-a-url                | --server 'not-a-url' must start with ws://",
        "--check --server ws://a --server ws://b   | --server is given twice",
        "--check --server ws://a --frobnicate      | unknown option '--frobnicate'",
        "--check --server ws://a -v                | unknown option '-v'",
        "--check --server ws://a extra             | unexpected argument 'extra'",
        "--check=yes --server ws://a               | --check takes no value",
        "--help=me                                 | --help takes no value",
        "--check --server ws://a --timeout 0       | --timeout needs a number of seconds",
        "--check --server ws://a --timeout -1      | --timeout needs a number of seconds",
        "--check --server ws://a --timeout=-1      | --timeout needs a number of seconds",
        "--check --server ws://a --timeout ten     | --timeout needs a number of seconds",
        "--check --server ws://a --timeout 0.0001  | --timeout needs a number of seconds",
        "--check --server ws://a --timeout 3601    | --timeout needs a number of seconds",
        "--check --server ws://a --timeout NaN     | --timeout needs a number of seconds",
        "--check --server ws://a --timeout         | --timeout needs a value",
        "--frobnicate --help                       | unknown option '--frobnicate'",
      })
  void refusesABadCommandLine(String commandLine, String message) {
    String[] args = commandLine.isBlank() ? new String[0] : commandLine.split(" +");

    assertThatThrownBy(() -> DeviceOptions.parse(args))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aUsageErrorExits64WithOneLineOnStderrAndNothingOnStdout() {
    Cli cli = Cli.run("--server", "ws://127.0.0.1:8080", "--chek");

    assertThat(cli.exitCode()).isEqualTo(64);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).isEqualTo("marquee-device: unknown option '--chek' (see --help)\n");
  }

  @Test
  void helpListsTheFlagsAndTheExitCodes() {
    Cli cli = Cli.run("--help");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.err()).isEmpty();
    assertThat(cli.out())
        .contains("--server URL", "--check", "--timeout SECONDS", "--help", "--version")
        .containsPattern("(?m)^ +0 +success")
        .containsPattern("(?m)^ +2 +server unreachable")
        .containsPattern("(?m)^ +3 +protocol error")
        .containsPattern("(?m)^ +64 +usage error");
  }

  @Test
  void versionPrintsTheBuiltVersion() {
    Cli cli = Cli.run("--version");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEqualTo("marquee-device " + Cli.expectedVersion() + "\n");
  }
}
