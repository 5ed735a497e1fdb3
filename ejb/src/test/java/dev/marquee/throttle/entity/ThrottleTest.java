package dev.marquee.throttle.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(15);

  @Test
  void countsUpToTheLimitAndThenIsFull() {
    Throttle throttle = new Throttle("k", NOW);
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.full(3, WINDOW, NOW.plusSeconds(i))).isFalse();
      throttle.count(3, WINDOW, NOW.plusSeconds(i));
    }
    assertThat(throttle.full(3, WINDOW, NOW.plusSeconds(5))).isTrue();
    assertThat(throttle.attempts(WINDOW, NOW.plusSeconds(5))).isEqualTo(3);
  }

  @Test
  void aFullThrottleRefusesToCountMore() {
    Throttle throttle = new Throttle("k", NOW);
    throttle.count(1, WINDOW, NOW);
    assertThatThrownBy(() -> throttle.count(1, WINDOW, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(throttle.attempts(WINDOW, NOW)).isEqualTo(1);
  }

  @Test
  void eachAttemptCountsForTheWindowAfterIt() {
    Throttle throttle = new Throttle("k", NOW);
    throttle.count(2, WINDOW, NOW);
    Instant later = NOW.plus(Duration.ofMinutes(10));
    throttle.count(2, WINDOW, later);

    // Full until the first attempt leaves the window; then one fits, not two.
    assertThat(throttle.admitsAgainAt(2, WINDOW, later)).isEqualTo(NOW.plus(WINDOW));
    assertThat(throttle.full(2, WINDOW, NOW.plus(WINDOW).minusMillis(1))).isTrue();
    assertThat(throttle.full(2, WINDOW, NOW.plus(WINDOW))).isFalse();
    throttle.count(2, WINDOW, NOW.plus(WINDOW));
    assertThat(throttle.full(2, WINDOW, NOW.plus(WINDOW))).isTrue();
    assertThat(throttle.admitsAgainAt(2, WINDOW, NOW.plus(WINDOW))).isEqualTo(later.plus(WINDOW));
  }

  @Test
  void anAttemptGivenBackNoLongerCounts() {
    Throttle throttle = new Throttle("k", NOW);
    throttle.count(2, WINDOW, NOW);
    throttle.count(2, WINDOW, NOW.plusSeconds(1));
    throttle.giveBack();
    assertThat(throttle.attempts(WINDOW, NOW.plusSeconds(1))).isEqualTo(1);
    throttle.giveBack();
    throttle.giveBack();
    assertThat(throttle.attempts(WINDOW, NOW.plusSeconds(1))).isZero();
  }

  @Test
  void clearingForgetsEveryAttempt() {
    Throttle throttle = new Throttle("k", NOW);
    throttle.count(1, WINDOW, NOW);
    throttle.clear();
    assertThat(throttle.full(1, WINDOW, NOW)).isFalse();
    assertThat(throttle.admitsAgainAt(1, WINDOW, NOW)).isEqualTo(NOW);
  }
}
