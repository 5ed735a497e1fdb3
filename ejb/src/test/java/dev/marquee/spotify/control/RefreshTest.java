package dev.marquee.spotify.control;

import static dev.marquee.spotify.control.SandboxFixture.ACCESS_TOKEN_LIFETIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.spotify.entity.SpotifyTokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefreshTest {

  private SandboxFixture fixture;

  @AfterEach
  void stopSandbox() {
    fixture.close();
  }

  @Test
  void withoutRotationTheOldRefreshTokenIsKeptAndTheNewAccessTokenWorks() throws Exception {
    fixture = SandboxFixture.start(options -> options.rotateRefreshTokens(false));
    SpotifyAccounts accounts = fixture.client();
    SpotifyTokens connected = fixture.connect(accounts);
    fixture.clock.advance(ACCESS_TOKEN_LIFETIME.plusSeconds(1));
    assertThat(fixture.me(connected.accessToken()).statusCode()).isEqualTo(401);
    Instant refreshedAt = fixture.clock.instant();

    SpotifyTokens refreshed = accounts.refresh(connected.refreshToken());

    assertThat(refreshed.refreshToken()).isEqualTo(connected.refreshToken());
    assertThat(refreshed.accessToken()).isNotEqualTo(connected.accessToken());
    assertThat(refreshed.expiresAt()).isEqualTo(refreshedAt.plus(ACCESS_TOKEN_LIFETIME));
    assertThat(refreshed.scopes()).isEqualTo(connected.scopes());
    assertThat(fixture.meId(refreshed.accessToken())).isEqualTo(SandboxFixture.USER);
    // The kept refresh token still works.
    assertThat(accounts.refresh(refreshed.refreshToken()).refreshToken())
        .isEqualTo(connected.refreshToken());
  }

  @Test
  void withRotationTheNewRefreshTokenIsReturnedAndTheOldOneDies() throws Exception {
    fixture = SandboxFixture.start(options -> options.rotateRefreshTokens(true));
    SpotifyAccounts accounts = fixture.client();
    SpotifyTokens connected = fixture.connect(accounts);

    SpotifyTokens refreshed = accounts.refresh(connected.refreshToken());

    assertThat(refreshed.refreshToken()).isNotBlank().isNotEqualTo(connected.refreshToken());
    assertThat(fixture.meId(refreshed.accessToken())).isEqualTo(SandboxFixture.USER);
    assertThatThrownBy(() -> accounts.refresh(connected.refreshToken()))
        .isInstanceOf(SpotifyGrantRejectedException.class);
    assertThat(accounts.refresh(refreshed.refreshToken()).accessToken()).isNotBlank();
  }

  @Test
  void aRevokedUserMustReconnect() throws Exception {
    fixture = SandboxFixture.start();
    SpotifyAccounts accounts = fixture.client();
    SpotifyTokens connected = fixture.connect(accounts);
    assertThat(fixture.sandbox.revokeUser(SandboxFixture.USER)).isEqualTo(1);

    assertThatThrownBy(() -> accounts.refresh(connected.refreshToken()))
        .isInstanceOf(SpotifyGrantRejectedException.class)
        .hasMessageStartingWith("Spotify refused the refresh token")
        .hasMessageEndingWith("the account must be reconnected.")
        .satisfies(e -> assertThat(((SpotifyAccountsException) e).isRetryable()).isFalse());
  }

  @Test
  void refreshTokensDieSixMonthsAfterTheAuthorization() throws Exception {
    fixture = SandboxFixture.start();
    SpotifyAccounts accounts = fixture.client();
    SpotifyTokens connected = fixture.connect(accounts);
    fixture.clock.advance(Duration.ofDays(150));
    assertThat(accounts.refresh(connected.refreshToken()).accessToken()).isNotBlank();

    fixture.clock.advance(Duration.ofDays(40));

    assertThatThrownBy(() -> accounts.refresh(connected.refreshToken()))
        .isInstanceOf(SpotifyGrantRejectedException.class)
        .hasMessageContaining("reconnected");
  }

  @Test
  void aWrongClientSecretOnRefreshIsAClientRejection() throws Exception {
    fixture = SandboxFixture.start();
    SpotifyTokens connected = fixture.connect(fixture.client());
    SpotifyAccounts wrongSecret = fixture.client("not-the-secret", SandboxFixture.TIMEOUT);

    assertThatThrownBy(() -> wrongSecret.refresh(connected.refreshToken()))
        .isInstanceOf(SpotifyClientRejectedException.class);
  }
}
