package dev.marquee.spotify.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.spotify.entity.SpotifyApp;
import dev.marquee.vault.entity.Sealed;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpotifyAppViewTest {

  private static SpotifyAppView view(int limit, long usage) {
    return new SpotifyAppView(
        UUID.randomUUID(), "default", null, "id", true, limit, usage, Instant.EPOCH);
  }

  @Test
  void developmentModeAppsAreNearTheLimitWithOneSeatLeft() {
    assertThat(view(5, 3).nearLimit()).isFalse();
    assertThat(view(5, 4).nearLimit()).isTrue();
    assertThat(view(5, 4).atLimit()).isFalse();
    assertThat(view(5, 5).atLimit()).isTrue();
    assertThat(view(5, 5).nearLimit()).isFalse();
    assertThat(view(5, 6).atLimit()).isTrue();
  }

  @Test
  void largeAppsAreNearTheLimitInTheirLastFifth() {
    assertThat(view(100, 79).nearLimit()).isFalse();
    assertThat(view(100, 80).nearLimit()).isTrue();
  }

  @Test
  void anUnusedSingleSeatAppIsNotNearItsLimit() {
    assertThat(view(1, 0).nearLimit()).isFalse();
    assertThat(view(1, 0).atLimit()).isFalse();
    assertThat(view(1, 1).atLimit()).isTrue();
  }

  @Test
  void showsWhetherASecretIsSetButNeverTheSecret() {
    UUID organization = UUID.randomUUID();
    SpotifyApp app = SpotifyApp.ofOrganization(organization, "client", 5, Instant.EPOCH);
    app.replaceSecret(new Sealed(new byte[] {7, 7, 7}), Instant.EPOCH);

    SpotifyAppView view = SpotifyAppView.of(app, 2);

    assertThat(view.secretSet()).isTrue();
    assertThat(view.scope()).isEqualTo(organization.toString());
    assertThat(view.organizationId()).isEqualTo(organization);
    assertThat(view.isDefault()).isFalse();
    assertThat(view.usage()).isEqualTo(2);
    assertThat(SpotifyAppView.class.getRecordComponents())
        .extracting(c -> (Object) c.getType())
        .doesNotContain(Sealed.class, byte[].class, char[].class);
    // Exactly these: a new component (a secret as a String, say) must be looked at here first.
    assertThat(SpotifyAppView.class.getRecordComponents())
        .extracting(java.lang.reflect.RecordComponent::getName)
        .containsExactly(
            "id",
            "scope",
            "organizationId",
            "clientId",
            "secretSet",
            "userLimit",
            "usage",
            "updatedAt");
  }
}
