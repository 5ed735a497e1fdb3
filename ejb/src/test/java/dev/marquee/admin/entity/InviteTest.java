package dev.marquee.admin.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InviteTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void expiresAtItsDeadline() {
    Invite invite = new Invite("hash", UUID.randomUUID(), NOW, NOW.plus(Duration.ofHours(72)));
    assertThat(invite.isExpiredAt(NOW.plus(Duration.ofHours(71)))).isFalse();
    assertThat(invite.isExpiredAt(NOW.plus(Duration.ofHours(72)))).isTrue();
  }

  @Test
  void mustExpireAfterCreation() {
    assertThatThrownBy(() -> new Invite("hash", UUID.randomUUID(), NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printsNoTokenHash() {
    Invite invite =
        new Invite("secret-digest", UUID.randomUUID(), NOW, NOW.plus(Duration.ofHours(1)));
    assertThat(invite.toString()).doesNotContain("secret-digest");
  }
}
