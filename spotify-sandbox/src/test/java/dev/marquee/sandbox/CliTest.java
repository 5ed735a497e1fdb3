package dev.marquee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpPrintsUsageAndStartsNothing() {
    SandboxMain.Launch launch = launch("--help");

    assertThat(launch.exitCode()).isZero();
    assertThat(launch.sandbox()).isNull();
    assertThat(text(out)).contains("Usage:").contains("--port").contains("--calls-per-30s");
  }

  @Test
  void badPortGivesAClearError() {
    SandboxMain.Launch launch = launch("--port", "eighty");

    assertThat(launch.exitCode()).isEqualTo(2);
    assertThat(launch.sandbox()).isNull();
    assertThat(text(err))
        .contains("--port must be a whole number between 0 and 65535, got 'eighty'")
        .contains("--help");
  }

  @Test
  void portOutOfRangeAndMissingValuesAreRefused() {
    assertThat(launch("--port", "70000").exitCode()).isEqualTo(2);
    assertThat(launch("--port").exitCode()).isEqualTo(2);
    assertThat(text(err)).contains("--port needs a value");
  }

  @Test
  void unknownOptionIsRefused() {
    assertThat(launch("--colour", "blue").exitCode()).isEqualTo(2);
    assertThat(text(err)).contains("--colour");
  }

  @Test
  void redirectUrisAreCheckedAndNeedDemo() {
    assertThat(launch("--redirect-uri", "http://127.0.0.1:9000/cb").exitCode()).isEqualTo(2);
    assertThat(text(err)).contains("--demo");
    assertThatThrownBy(
            () -> CliOptions.parse("--demo", "--redirect-uri", "http://localhost:9000/cb"))
        .isInstanceOf(CliOptions.UsageException.class)
        .hasMessageContaining("localhost");
  }

  @Test
  void optionsMapToTheBuilder() throws Exception {
    CliOptions options =
        CliOptions.parse(
            "--port=0",
            "--demo",
            "--bind",
            "127.0.0.1",
            "--token-lifetime",
            "60",
            "--rotate-refresh-tokens",
            "--calls-per-30s",
            "5",
            "--controllable-clock",
            "--redirect-uri",
            "https://marquee.example/spotify/callback");

    assertThat(options.port()).isZero();
    assertThat(options.demo()).isTrue();
    assertThat(options.tokenLifetime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.rotateRefreshTokens()).isTrue();
    assertThat(options.callsPer30s()).isEqualTo(5);
    assertThat(options.controllableClock()).isTrue();
    assertThat(options.redirectUris())
        .containsExactly(URI.create("https://marquee.example/spotify/callback"));
    assertThat(CliOptions.parse().port()).isEqualTo(8099);
    assertThat(CliOptions.parse().bind()).isEqualTo("127.0.0.1");
  }

  @Test
  void stateFileOptionNeedsAPathAndIsInTheHelp() throws Exception {
    assertThat(launch("--state-file", "").exitCode()).isEqualTo(2);
    assertThat(text(err)).contains("--state-file needs a file path");
    assertThat(CliOptions.parse("--state-file", "data/sandbox-state.json").stateFile())
        .isEqualTo(java.nio.file.Path.of("data/sandbox-state.json"));
    assertThat(CliOptions.parse().stateFile()).isNull();
    assertThat(CliOptions.USAGE).contains("--state-file PATH");
  }

  @Test
  void launchPrintsTheBannerForTheDemo() {
    SandboxMain.Launch launch = launch("--port", "0", "--demo");
    try (SpotifySandbox sandbox = launch.sandbox()) {
      assertThat(launch.exitCode()).isZero();
      assertThat(text(out).trim())
          .matches(
              "Spotify sandbox listening on http://127\\.0\\.0\\.1:\\d+ \\(demo: 3 users playing\\)");
      assertThat(sandbox.clientIds()).containsExactly(SpotifySandbox.DEMO_CLIENT_ID);
    }
  }

  private SandboxMain.Launch launch(String... args) {
    return SandboxMain.launch(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
