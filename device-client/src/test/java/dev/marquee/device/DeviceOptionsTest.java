package dev.marquee.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.device.DeviceOptions.Mode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
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
        "--server ws://h:8080                      | nothing to do: pass --check",
        "''                                        | nothing to do: pass --check",
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
