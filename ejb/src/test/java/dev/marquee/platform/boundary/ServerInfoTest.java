package dev.marquee.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerInfoTest {

  @Test
  void anyAccountsServiceButSpotifysIsDemoModeAndIsNamedByItsAddressNotCalledTheSandbox() {
    ServerInfo sandbox = info("http://127.0.0.1:8099");
    assertThat(sandbox.demoMode()).isTrue();
    assertThat(sandbox.spotifyService()).isEqualTo("http://127.0.0.1:8099");

    ServerInfo other = info("https://user:secret@accounts.stand-in.example:9443/base/path");
    assertThat(other.demoMode()).isTrue();
    assertThat(other.spotifyService())
        .isEqualTo("https://accounts.stand-in.example:9443")
        .doesNotContain("secret")
        .doesNotContainIgnoringCase("sandbox");

    ServerInfo spotify = info("https://accounts.spotify.com");
    assertThat(spotify.demoMode()).isFalse();
    assertThat(spotify.spotifyService()).isEqualTo("https://accounts.spotify.com");
  }

  private static ServerInfo info(String accountsUrl) {
    ServerInfo info = new ServerInfo();
    info.spotifyAccountsUrl = URI.create(accountsUrl);
    return info;
  }
}
