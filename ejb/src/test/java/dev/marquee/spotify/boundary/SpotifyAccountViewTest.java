package dev.marquee.spotify.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.spotify.entity.AccountStatus;
import dev.marquee.spotify.entity.SpotifyAccount;
import dev.marquee.vault.entity.Sealed;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpotifyAccountViewTest {

  private static final Instant AUTHORIZED = Instant.parse("2025-02-01T00:00:00Z");

  @Test
  void showsTheAccountsDatesAndWarningButNoToken() {
    UUID organization = UUID.randomUUID();
    SpotifyAccount account = new SpotifyAccount(organization, "demo-shop", AUTHORIZED);
    Instant expires = AUTHORIZED.plus(Duration.ofHours(1));
    account.connect(
        UUID.randomUUID(),
        "Demo Shop",
        new Sealed(new byte[] {1}),
        expires,
        new Sealed(new byte[] {2}),
        Set.of(),
        AUTHORIZED);

    SpotifyAccountView early = SpotifyAccountView.of(account, AUTHORIZED.plus(Duration.ofDays(1)));
    SpotifyAccountView late = SpotifyAccountView.of(account, Instant.parse("2025-07-20T00:00:00Z"));

    assertThat(early.organizationId()).isEqualTo(organization);
    assertThat(early.displayName()).isEqualTo("Demo Shop");
    assertThat(early.spotifyUserId()).isEqualTo("demo-shop");
    assertThat(early.status()).isEqualTo(AccountStatus.CONNECTED);
    assertThat(early.accessTokenExpiresAt()).isEqualTo(expires);
    assertThat(early.authorizedAt()).isEqualTo(AUTHORIZED);
    assertThat(early.reconnectBefore()).isEqualTo(Instant.parse("2025-08-01T00:00:00Z"));
    assertThat(early.reconnectWarning()).isFalse();
    assertThat(late.reconnectWarning()).isTrue();
    assertThat(early.lastRefreshAt()).isNull();
    assertThat(early.lastError()).isNull();
    assertThat(SpotifyAccountView.class.getRecordComponents())
        .extracting(c -> (Object) c.getType())
        .doesNotContain(Sealed.class, byte[].class);
    // Exactly these: a new component (a token as a String, say) must be looked at here first.
    assertThat(SpotifyAccountView.class.getRecordComponents())
        .extracting(java.lang.reflect.RecordComponent::getName)
        .containsExactly(
            "id",
            "organizationId",
            "displayName",
            "spotifyUserId",
            "status",
            "accessTokenExpiresAt",
            "lastRefreshAt",
            "authorizedAt",
            "reconnectBefore",
            "reconnectWarning",
            "lastError");
  }
}
