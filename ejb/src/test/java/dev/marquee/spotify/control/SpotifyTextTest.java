package dev.marquee.spotify.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpotifyTextTest {

  private static final List<String> SENT = List.of("AQDx7kP2-code", "Zq3vR8tYw1LmN0bXc5Hs");

  @Test
  void spotifysFixedPhrasesAreShown() {
    assertThat(SpotifyText.description("Invalid authorization code", SENT))
        .contains("Invalid authorization code");
    assertThat(SpotifyText.description("  code_verifier was incorrect ", SENT))
        .contains("code_verifier was incorrect");
    assertThat(SpotifyText.description("Refresh token revoked", SENT))
        .contains("Refresh token revoked");
  }

  @Test
  void anythingThatCouldCarryASecretIsLeftOut() {
    assertThat(SpotifyText.description(null, SENT)).isEmpty();
    assertThat(SpotifyText.description("   ", SENT)).isEmpty();
    assertThat(SpotifyText.description("x".repeat(81), SENT)).isEmpty();
    assertThat(SpotifyText.description("Bad code AQDx7kP2-code", SENT)).isEmpty();
    // Part of a secret is as bad as all of it.
    assertThat(SpotifyText.description("Bad code Zq3vR8tYw1", SENT)).isEmpty();
    assertThat(SpotifyText.description("Token BQC4YqJg8Kx0_abcdefghijklmnop expired", SENT))
        .isEmpty();
    assertThat(SpotifyText.description("line one\nline two", SENT)).isEmpty();
    assertThat(SpotifyText.description("Ungültiger Code", SENT)).isEmpty();
  }

  @Test
  void durationsReadAsSecondsOrMilliseconds() {
    assertThat(SpotifyText.duration(Duration.ofSeconds(5))).isEqualTo("5 s");
    assertThat(SpotifyText.duration(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(SpotifyText.duration(Duration.ofMillis(1500))).isEqualTo("1500 ms");
  }
}
