package dev.marquee.spotify.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.vault.entity.Sealed;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpotifyAppTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123456789Z");

  @Test
  void theDefaultAppHasTheDefaultScopeAndNoOrganization() {
    SpotifyApp app = SpotifyApp.networkDefault("  abc123  ", 5, NOW);

    assertThat(app.scopeKey()).isEqualTo("default");
    assertThat(app.isDefault()).isTrue();
    assertThat(app.organizationId()).isEmpty();
    assertThat(app.clientId()).isEqualTo("abc123");
    assertThat(app.updatedAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123456Z"));
    assertThat(app.serves(UUID.randomUUID())).isTrue();
  }

  @Test
  void anOrganizationsAppIsScopedToItAndServesOnlyIt() {
    UUID organization = UUID.randomUUID();
    SpotifyApp app = SpotifyApp.ofOrganization(organization, "id", 25, NOW);

    assertThat(app.scopeKey()).isEqualTo(organization.toString());
    assertThat(app.organizationId()).contains(organization);
    assertThat(app.serves(organization)).isTrue();
    assertThat(app.serves(UUID.randomUUID())).isFalse();
  }

  @Test
  void isNeverStoredWithoutASecret() {
    SpotifyApp app = SpotifyApp.networkDefault("id", 5, NOW);
    assertThat(app.secretSet()).isFalse();
    assertThatThrownBy(app::requireSecret).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(app::clientSecret).isInstanceOf(IllegalStateException.class);

    app.replaceSecret(new Sealed(new byte[] {1, 2, 3}), NOW);

    assertThat(app.secretSet()).isTrue();
    app.requireSecret();
    assertThat(app.clientSecret()).isEqualTo(new Sealed(new byte[] {1, 2, 3}));
    assertThat(app.toString()).doesNotContain("1, 2, 3").contains("secret=***");
  }

  @Test
  void refusesBlankOversizeOrSpacedClientIdsInWords() {
    assertThatThrownBy(() -> SpotifyApp.checkClientId(null))
        .isInstanceOf(InvalidSpotifyAppException.class)
        .hasMessage("Enter the client id from the app in Spotify's developer dashboard.");
    assertThatThrownBy(() -> SpotifyApp.checkClientId("   "))
        .isInstanceOf(InvalidSpotifyAppException.class);
    assertThatThrownBy(() -> SpotifyApp.checkClientId("x".repeat(201)))
        .isInstanceOf(InvalidSpotifyAppException.class)
        .hasMessageContaining("too long (at most 200 characters)");
    assertThatThrownBy(() -> SpotifyApp.checkClientId("ab cd"))
        .isInstanceOf(InvalidSpotifyAppException.class)
        .hasMessageContaining("without spaces");
    assertThat(SpotifyApp.checkClientId("x".repeat(200))).hasSize(200);
  }

  @Test
  void aBlankSecretMeansNoneAndAnOversizeOneIsRefusedWithoutQuotingIt() {
    assertThat(SpotifyApp.checkSecret(null)).isEmpty();
    assertThat(SpotifyApp.checkSecret(new char[0])).isEmpty();
    assertThat(SpotifyApp.checkSecret("  \n".toCharArray())).isEmpty();
    assertThat(SpotifyApp.checkSecret(" s3cret\n".toCharArray())).contains("s3cret");
    String tooLong = "q".repeat(201);
    assertThatThrownBy(() -> SpotifyApp.checkSecret(tooLong.toCharArray()))
        .isInstanceOf(InvalidSpotifyAppException.class)
        .hasMessageContaining("client secret is too long")
        .hasMessageNotContaining(tooLong);
    assertThatThrownBy(() -> SpotifyApp.checkSecret("two words".toCharArray()))
        .isInstanceOf(InvalidSpotifyAppException.class)
        .hasMessageNotContaining("two words");
  }

  @Test
  void theUserLimitIsBetweenOneAndTenThousand() {
    SpotifyApp.checkUserLimit(1);
    SpotifyApp.checkUserLimit(10_000);
    assertThatThrownBy(() -> SpotifyApp.checkUserLimit(0))
        .isInstanceOf(InvalidSpotifyAppException.class)
        .hasMessageStartingWith("The user limit must be between 1 and 10000");
    assertThatThrownBy(() -> SpotifyApp.checkUserLimit(10_001))
        .isInstanceOf(InvalidSpotifyAppException.class);
  }

  @Test
  void aRefusedChangeChangesNothing() {
    SpotifyApp app = SpotifyApp.networkDefault("first", 5, NOW);

    assertThatThrownBy(() -> app.change("second", 0, NOW.plusSeconds(60)))
        .isInstanceOf(InvalidSpotifyAppException.class);
    assertThatThrownBy(() -> app.change(" ", 7, NOW.plusSeconds(60)))
        .isInstanceOf(InvalidSpotifyAppException.class);

    assertThat(app.clientId()).isEqualTo("first");
    assertThat(app.userLimit()).isEqualTo(5);
    assertThat(app.updatedAt()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
  }
}
