package dev.marquee.spotify.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.vault.entity.Sealed;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectAttemptTest {

  private static final String STATE = "a".repeat(64);
  private static final String SESSION = "b".repeat(64);
  private static final Instant NOW = Instant.parse("2025-05-05T05:05:05.5555555Z");

  private final UUID admin = UUID.randomUUID();

  private ConnectAttempt attempt() {
    return new ConnectAttempt(
        STATE,
        SESSION,
        UUID.randomUUID(),
        UUID.randomUUID(),
        admin,
        new Sealed(new byte[] {9}),
        NOW);
  }

  @Test
  void expiresTenMinutesAfterItStarted() {
    ConnectAttempt attempt = attempt();
    Instant start = NOW.truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    assertThat(attempt.expiresAt()).isEqualTo(start.plus(Duration.ofMinutes(10)));
    assertThat(attempt.isExpired(start.plus(Duration.ofMinutes(10)).minusNanos(1000))).isFalse();
    assertThat(attempt.isExpired(start.plus(Duration.ofMinutes(10)))).isTrue();
  }

  @Test
  void belongsOnlyToTheSessionAndAdminThatStartedIt() {
    ConnectAttempt attempt = attempt();

    assertThat(attempt.startedIn(SESSION, admin)).isTrue();
    assertThat(attempt.startedIn("c".repeat(64), admin)).isFalse();
    assertThat(attempt.startedIn("", admin)).isFalse();
    assertThat(attempt.startedIn(null, admin)).isFalse();
    assertThat(attempt.startedIn(SESSION, UUID.randomUUID())).isFalse();
  }

  @Test
  void keepsOnlyDigestsNeverTheStateOrSessionSecret() {
    assertThatThrownBy(
            () ->
                new ConnectAttempt(
                    "the-raw-state",
                    SESSION,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    admin,
                    new Sealed(new byte[] {9}),
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(attempt().toString()).doesNotContain(STATE).doesNotContain(SESSION);
  }
}
