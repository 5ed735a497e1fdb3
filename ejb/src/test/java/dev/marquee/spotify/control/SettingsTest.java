package dev.marquee.spotify.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private static SpotifyAccountsSettings settings(URI base, Duration connect, Duration read) {
    return new SpotifyAccountsSettings(
        base, "client-1", ClientSecret.of("s3cret-v4lue"), connect, read);
  }

  @Test
  void endpointsAreResolvedUnderTheBaseUriWithOrWithoutTrailingSlash() {
    SpotifyAccountsSettings spotify =
        settings(SpotifyAccountsSettings.SPOTIFY_ACCOUNTS, SECOND, SECOND);
    assertThat(spotify.authorizeEndpoint()).hasToString("https://accounts.spotify.com/authorize");
    assertThat(spotify.tokenEndpoint()).hasToString("https://accounts.spotify.com/api/token");

    SpotifyAccountsSettings proxied =
        settings(URI.create("http://127.0.0.1:8099/spotify/"), SECOND, SECOND);
    assertThat(proxied.baseUri()).hasToString("http://127.0.0.1:8099/spotify");
    assertThat(proxied.tokenEndpoint()).hasToString("http://127.0.0.1:8099/spotify/api/token");
  }

  @Test
  void aBaseUriMustBeAnAbsoluteHttpUriWithoutQueryFragmentOrUser() {
    for (String bad :
        new String[] {
          "accounts.spotify.com",
          "ftp://accounts.spotify.com",
          "https://accounts.spotify.com?x=1",
          "https://accounts.spotify.com#top",
          "https://user:pw@accounts.spotify.com",
          "mailto:someone@example.com"
        }) {
      assertThatThrownBy(() -> settings(URI.create(bad), SECOND, SECOND))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void timeoutsMustBeAtLeastAMillisecondAndFitAnInt() {
    URI base = SpotifyAccountsSettings.SPOTIFY_ACCOUNTS;
    assertThatThrownBy(() -> settings(base, Duration.ZERO, SECOND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connect timeout");
    assertThatThrownBy(() -> settings(base, SECOND, Duration.ofNanos(999_999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("read timeout");
    assertThatThrownBy(() -> settings(base, SECOND, Duration.ofDays(30)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings(base, SECOND, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(settings(base, Duration.ofMillis(1), Duration.ofDays(24)).readTimeout())
        .isEqualTo(Duration.ofDays(24));
  }

  @Test
  void theClientIdAndSecretMustNotBeBlank() {
    URI base = SpotifyAccountsSettings.SPOTIFY_ACCOUNTS;
    assertThatThrownBy(
            () -> new SpotifyAccountsSettings(base, " ", ClientSecret.of("x"), SECOND, SECOND))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientSecret.of("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientSecret.of(new char[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClientSecret.of((String) null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSecretIsMaskedAndCopiedFromTheCallersArray() {
    char[] typed = "s3cret-v4lue".toCharArray();
    ClientSecret secret = ClientSecret.of(typed);
    java.util.Arrays.fill(typed, '\0');

    assertThat(secret).hasToString("***");
    assertThat(secret.reveal()).isEqualTo("s3cret-v4lue");
    SpotifyAccountsSettings settings =
        new SpotifyAccountsSettings(
            SpotifyAccountsSettings.SPOTIFY_ACCOUNTS, "client-1", secret, SECOND, SECOND);
    assertThat(settings.toString())
        .contains("client-1", "clientSecret=***")
        .doesNotContain("s3cret");
  }
}
