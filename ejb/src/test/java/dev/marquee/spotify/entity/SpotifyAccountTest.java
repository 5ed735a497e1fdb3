package dev.marquee.spotify.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.vault.entity.Sealed;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpotifyAccountTest {

  private static final Instant AUTHORIZED = Instant.parse("2025-01-31T12:00:00Z");
  private static final Sealed ACCESS = new Sealed(new byte[] {1});
  private static final Sealed REFRESH = new Sealed(new byte[] {2});

  private final UUID app = UUID.randomUUID();

  private SpotifyAccount connected() {
    SpotifyAccount account = new SpotifyAccount(UUID.randomUUID(), "demo-gym", AUTHORIZED);
    account.connect(
        app,
        "Demo Gym",
        ACCESS,
        AUTHORIZED.plus(Duration.ofHours(1)),
        REFRESH,
        Set.of("user-read-playback-state", "user-read-currently-playing"),
        AUTHORIZED);
    return account;
  }

  @Test
  void aNewAccountHasNoTokensUntilConnected() {
    SpotifyAccount account = new SpotifyAccount(UUID.randomUUID(), "someone", AUTHORIZED);
    assertThat(account.accessToken()).isEmpty();
    assertThat(account.refreshToken()).isEmpty();
    assertThat(account.status()).isNotEqualTo(AccountStatus.CONNECTED);
    assertThat(account.displayName()).isEqualTo("someone");
  }

  @Test
  void connectingStoresTokensAndTheAuthorizationTime() {
    SpotifyAccount account = connected();

    assertThat(account.status()).isEqualTo(AccountStatus.CONNECTED);
    assertThat(account.accessToken()).contains(ACCESS);
    assertThat(account.refreshToken()).contains(REFRESH);
    assertThat(account.appId()).isEqualTo(app);
    assertThat(account.authorizedAt()).contains(AUTHORIZED);
    assertThat(account.scopes()).contains("user-read-currently-playing user-read-playback-state");
    assertThat(account.toString()).contains("tokens=***");
  }

  @Test
  void theRefreshTokenMustBeReplacedSixMonthsAfterTheAuthorization() {
    SpotifyAccount account = connected();

    // Six calendar months in UTC: 31 January + 6 months is 31 July.
    assertThat(account.reconnectBefore()).contains(Instant.parse("2025-07-31T12:00:00Z"));
  }

  @Test
  void warnsFromFourteenDaysBeforeTheReconnectDate() {
    SpotifyAccount account = connected();
    Instant deadline = Instant.parse("2025-07-31T12:00:00Z");

    assertThat(account.reconnectWarning(deadline.minus(Duration.ofDays(14)).minusSeconds(1)))
        .isFalse();
    assertThat(account.reconnectWarning(deadline.minus(Duration.ofDays(14)))).isTrue();
    assertThat(account.reconnectWarning(deadline.plusSeconds(1))).isTrue();
  }

  @Test
  void neverWarnsAnAccountThatIsNotConnected() {
    SpotifyAccount account = connected();
    account.disconnect(AUTHORIZED);
    assertThat(account.reconnectWarning(AUTHORIZED.plus(Duration.ofDays(365)))).isFalse();
  }

  @Test
  void anAccessTokenIsDueWhenItExpiresWithinTheMargin() {
    SpotifyAccount account = connected();
    Instant expiry = AUTHORIZED.plus(Duration.ofHours(1));
    Duration margin = Duration.ofMinutes(5);

    assertThat(account.accessTokenExpiresWithin(margin, expiry.minus(margin).minusSeconds(1)))
        .isFalse();
    assertThat(account.accessTokenExpiresWithin(margin, expiry.minus(margin))).isTrue();
    assertThat(account.accessTokenExpiresWithin(margin, expiry.plusSeconds(1))).isTrue();
  }

  @Test
  void aRefreshKeepsTheRefreshTokenUnlessSpotifyRotatedIt() {
    SpotifyAccount account = connected();
    Sealed newAccess = new Sealed(new byte[] {3});
    Instant later = AUTHORIZED.plus(Duration.ofMinutes(58));

    account.refreshed(
        newAccess, later.plus(Duration.ofHours(1)), Optional.empty(), Set.of(), later);

    assertThat(account.accessToken()).contains(newAccess);
    assertThat(account.refreshToken()).contains(REFRESH);
    assertThat(account.lastRefreshAt()).contains(later);
    assertThat(account.authorizedAt()).contains(AUTHORIZED);
    assertThat(account.scopes()).contains("user-read-currently-playing user-read-playback-state");

    Sealed rotated = new Sealed(new byte[] {4});
    account.refreshed(newAccess, later, Optional.of(rotated), Set.of("x"), later);
    assertThat(account.refreshToken()).contains(rotated);
    assertThat(account.scopes()).contains("x");
  }

  @Test
  void needingAReconnectDropsTheTokensAndSaysWhy() {
    SpotifyAccount account = connected();

    account.needsReconnect("Spotify refused the refresh token.", AUTHORIZED.plusSeconds(5));

    assertThat(account.status()).isEqualTo(AccountStatus.NEEDS_RECONNECT);
    assertThat(account.accessToken()).isEmpty();
    assertThat(account.refreshToken()).isEmpty();
    assertThat(account.accessTokenExpiresAt()).isEmpty();
    assertThat(account.lastError()).contains("Spotify refused the refresh token.");
    assertThatThrownBy(
            () -> account.refreshed(ACCESS, AUTHORIZED, Optional.empty(), Set.of(), AUTHORIZED))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void disconnectingDeletesBothTokensAndReconnectingRestoresTheAccount() {
    SpotifyAccount account = connected();
    account.needsReconnect("why", AUTHORIZED);
    account.disconnect(AUTHORIZED.plusSeconds(1));

    assertThat(account.status()).isEqualTo(AccountStatus.DISCONNECTED);
    assertThat(account.accessToken()).isEmpty();
    assertThat(account.refreshToken()).isEmpty();
    assertThat(account.lastError()).isEmpty();

    Instant again = AUTHORIZED.plus(Duration.ofDays(30));
    account.connect(app, "Gym", ACCESS, again.plusSeconds(3600), REFRESH, Set.of(), again);
    assertThat(account.status()).isEqualTo(AccountStatus.CONNECTED);
    assertThat(account.authorizedAt()).contains(again);
    assertThat(account.displayName()).isEqualTo("Gym");
  }

  @Test
  void longTextsAreCutToTheirColumnsWithoutSplittingCharacters() {
    SpotifyAccount account = connected();
    account.failed("é".repeat(500), AUTHORIZED);
    assertThat(account.lastError().orElseThrow()).hasSize(400).endsWith("…");

    String emoji = "🎵".repeat(300);
    String cut = dev.marquee.database.control.Columns.cut(emoji, 400);
    assertThat(cut.length()).isLessThanOrEqualTo(400);
    assertThat(cut.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
  }

  @Test
  void refusesABlankOrOversizeSpotifyUserId() {
    assertThatThrownBy(() -> new SpotifyAccount(UUID.randomUUID(), " ", AUTHORIZED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SpotifyAccount(UUID.randomUUID(), "u".repeat(201), AUTHORIZED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
