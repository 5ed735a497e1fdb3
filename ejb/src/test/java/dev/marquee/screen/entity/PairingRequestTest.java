package dev.marquee.screen.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PairingRequestTest {

  private static final Instant ASKED = Instant.parse("2026-12-01T10:00:00Z");

  private final PairingRequest request =
      new PairingRequest("code-digest", "secret-digest", "192.0.2.7", "marquee-player/0.1", ASKED);

  @Test
  void aCodeCanBeClaimedForTenMinutesAndOnlyOnce() {
    assertThat(request.claimable(ASKED.plus(Duration.ofMinutes(10)).minusMillis(1))).isTrue();
    assertThat(request.claimable(ASKED.plus(Duration.ofMinutes(10)))).isFalse();

    request.claimedAs(UUID.randomUUID(), ASKED.plusSeconds(60));

    assertThat(request.claimable(ASKED.plusSeconds(61))).isFalse();
    assertThatThrownBy(() -> request.claimedAs(UUID.randomUUID(), ASKED.plusSeconds(62)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anExpiredCodeCannotBeClaimed() {
    assertThatThrownBy(() -> request.claimedAs(UUID.randomUUID(), ASKED.plusSeconds(600)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(request.screenId()).isNull();
  }

  @Test
  void theTokenIsPickedUpOnceWithinTheWindowAfterTheClaim() {
    assertThat(request.awaitingPickup(ASKED)).isFalse();
    Instant claimed = ASKED.plus(Duration.ofMinutes(9));
    request.claimedAs(UUID.randomUUID(), claimed);

    // Claimed in the last minute of the code: the screen still has the whole pickup window.
    assertThat(request.awaitingPickup(claimed.plus(PairingRequest.PICKUP_WINDOW).minusMillis(1)))
        .isTrue();
    assertThat(request.awaitingPickup(claimed.plus(PairingRequest.PICKUP_WINDOW))).isFalse();

    request.pickedUp(claimed.plusSeconds(3));
    assertThat(request.awaitingPickup(claimed.plusSeconds(4))).isFalse();
    assertThatThrownBy(() -> request.pickedUp(claimed.plusSeconds(5)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void fiveWrongSecretsBurnTheRequestEvenForTheRightOne() {
    for (int i = 0; i < PairingRequest.MAX_WRONG_PICKUPS - 1; i++) {
      assertThat(request.secretMatches("wrong")).isFalse();
    }
    assertThat(request.secretMatches("secret-digest")).isTrue();
    assertThat(request.secretMatches("wrong")).isFalse();

    assertThat(request.burned()).isTrue();
    assertThat(request.secretMatches("secret-digest")).isFalse();
    assertThat(request.claimable(ASKED.plusSeconds(1))).isFalse();
  }
}
