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
    Throttle throttle = new Throttle("k");
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.full(3, NOW)).isFalse();
      throttle.count(3, WINDOW, NOW.plusSeconds(i));
    }
    assertThat(throttle.full(3, NOW.plusSeconds(5))).isTrue();
    assertThat(throttle.attempts(NOW.plusSeconds(5))).isEqualTo(3);
  }

  @Test
  void aFullThrottleRefusesToCountMore() {
    Throttle throttle = new Throttle("k");
    throttle.count(1, WINDOW, NOW);
    assertThatThrownBy(() -> throttle.count(1, WINDOW, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(throttle.attempts(NOW)).isEqualTo(1);
  }

  @Test
  void theWindowStartsWithItsFirstAttemptAndEndsAFixedTimeLater() {
    Throttle throttle = new Throttle("k");
    throttle.count(2, WINDOW, NOW);
    throttle.count(2, WINDOW, NOW.plus(Duration.ofMinutes(10)));
    Instant end = NOW.plus(WINDOW);
    assertThat(throttle.windowEndsAt(NOW)).isEqualTo(end);
    assertThat(throttle.full(2, end.minusMillis(1))).isTrue();
    assertThat(throttle.full(2, end)).isFalse();
    assertThat(throttle.attempts(end)).isZero();

    throttle.count(2, WINDOW, end);
    assertThat(throttle.attempts(end)).isEqualTo(1);
    assertThat(throttle.windowEndsAt(end)).isEqualTo(end.plus(WINDOW));
  }

  @Test
  void anAttemptGivenBackNoLongerCounts() {
    Throttle throttle = new Throttle("k");
    throttle.count(2, WINDOW, NOW);
    throttle.count(2, WINDOW, NOW);
    throttle.giveBack(NOW);
    assertThat(throttle.attempts(NOW)).isEqualTo(1);
    throttle.giveBack(NOW);
    throttle.giveBack(NOW);
    assertThat(throttle.attempts(NOW)).isZero();
  }

  @Test
  void clearingForgetsTheWindow() {
    Throttle throttle = new Throttle("k");
    throttle.count(1, WINDOW, NOW);
    throttle.clear();
    assertThat(throttle.full(1, NOW)).isFalse();
    assertThat(throttle.windowEndsAt(NOW)).isEqualTo(NOW);
  }
}
