package dev.marquee.polling.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.polling.control.CallBudget.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The call budget in simulated time. */
class CallBudgetTest {

  private static final Instant T0 = Instant.parse("2025-03-03T12:00:00Z");
  private static final Duration WINDOW = Duration.ofSeconds(30);

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  @Test
  void allowsUpToTheLimitThenNamesWhenTheOldestCallRollsOff() {
    CallBudget budget = new CallBudget(3, WINDOW, 0);

    assertThat(budget.tryAcquire(at(0), Priority.PLAYING)).isEmpty();
    assertThat(budget.tryAcquire(at(1_000), Priority.PLAYING)).isEmpty();
    assertThat(budget.tryAcquire(at(2_000), Priority.PLAYING)).isEmpty();

    assertThat(budget.tryAcquire(at(3_000), Priority.PLAYING)).contains(at(30_000));
    assertThat(budget.callsInWindow(at(3_000))).isEqualTo(3);
  }

  @Test
  void aRefusedCallIsNotRecorded() {
    CallBudget budget = new CallBudget(1, WINDOW, 0);
    budget.tryAcquire(at(0), Priority.PLAYING);

    for (int i = 1; i <= 5; i++) {
      assertThat(budget.tryAcquire(at(i * 1_000L), Priority.PLAYING)).contains(at(30_000));
    }
    assertThat(budget.callsInWindow(at(5_000))).isEqualTo(1);
    // Had the refusals counted, the window would still be full at 30 s.
    assertThat(budget.tryAcquire(at(30_000), Priority.PLAYING)).isEmpty();
  }

  @Test
  void callsRollOffExactlyOneWindowLater() {
    CallBudget budget = new CallBudget(2, WINDOW, 0);
    budget.tryAcquire(at(0), Priority.PLAYING);
    budget.tryAcquire(at(10_000), Priority.PLAYING);

    assertThat(budget.callsInWindow(at(29_999))).isEqualTo(2);
    assertThat(budget.callsInWindow(at(30_000))).isEqualTo(1);
    assertThat(budget.callsInWindow(at(40_000))).isZero();

    assertThat(budget.tryAcquire(at(29_999), Priority.PLAYING)).contains(at(30_000));
    assertThat(budget.tryAcquire(at(30_000), Priority.PLAYING)).isEmpty();
    assertThat(budget.tryAcquire(at(30_001), Priority.PLAYING)).contains(at(40_000));
  }

  @Test
  void theWindowRollsRatherThanResetting() {
    // A fixed window would allow 4 calls around 30 s; a rolling one never more than 2 per 30 s.
    CallBudget budget = new CallBudget(2, WINDOW, 0);
    budget.tryAcquire(at(28_000), Priority.PLAYING);
    budget.tryAcquire(at(29_000), Priority.PLAYING);

    assertThat(budget.tryAcquire(at(31_000), Priority.PLAYING)).contains(at(58_000));
    assertThat(budget.tryAcquire(at(58_000), Priority.PLAYING)).isEmpty();
    assertThat(budget.tryAcquire(at(58_500), Priority.PLAYING)).contains(at(59_000));
  }

  @Test
  void pausedAndIdleMayUseOnlyTheUnreservedShare() {
    CallBudget budget = new CallBudget(10, WINDOW, 0.5);

    for (int i = 0; i < 3; i++) {
      assertThat(budget.tryAcquire(at(i), Priority.IDLE)).isEmpty();
    }
    assertThat(budget.tryAcquire(at(3), Priority.PAUSED)).isEmpty();
    assertThat(budget.tryAcquire(at(4), Priority.PAUSED)).isEmpty();

    // Half the budget is used: idle and paused are refused, playing is not.
    assertThat(budget.tryAcquire(at(5), Priority.IDLE)).contains(at(30_000));
    assertThat(budget.tryAcquire(at(5), Priority.PAUSED)).contains(at(30_000));
    for (int i = 5; i < 10; i++) {
      assertThat(budget.tryAcquire(at(i), Priority.PLAYING)).as("playing call %d", i).isEmpty();
    }
    assertThat(budget.tryAcquire(at(10), Priority.PLAYING)).contains(at(30_000));
    assertThat(budget.callsInWindow(at(10))).isEqualTo(10);
  }

  @Test
  void whenPlayingFilledTheBudgetIdleWaitsUntilEnoughHaveRolledOff() {
    CallBudget budget = new CallBudget(4, WINDOW, 0.5);
    for (int i = 0; i < 4; i++) {
      budget.tryAcquire(at(i * 1_000L), Priority.PLAYING);
    }

    // Idle may use 2: it needs 3 of the 4 calls gone, the third (made at 2 s) at 32 s.
    assertThat(budget.tryAcquire(at(5_000), Priority.IDLE)).contains(at(32_000));
    // Playing needs only the first gone.
    assertThat(budget.tryAcquire(at(5_000), Priority.PLAYING)).contains(at(30_000));
    assertThat(budget.tryAcquire(at(32_000), Priority.IDLE)).isEmpty();
  }

  @Test
  void underTightQuotaPlayingKeepsGettingCallsWhileIdleIsRefused() {
    CallBudget budget = new CallBudget(20, WINDOW, 0.5);
    int playing = 0;
    int idle = 0;
    // Every 100 ms one playing and one idle account ask: far more than 20 per 30 s.
    for (long t = 0; t < 120_000; t += 100) {
      if (budget.tryAcquire(at(t), Priority.IDLE).isEmpty()) {
        idle++;
      }
      if (budget.tryAcquire(at(t), Priority.PLAYING).isEmpty()) {
        playing++;
      }
      assertThat(budget.callsInWindow(at(t))).isLessThanOrEqualTo(20);
    }

    assertThat(playing).isGreaterThan(idle);
    assertThat(playing + idle).isLessThanOrEqualTo(4 * 20);
    assertThat(idle).isPositive();
  }

  @Test
  void callsRecordedOutOfOrderStillRollOffInOrder() {
    CallBudget budget = new CallBudget(2, WINDOW, 0);
    budget.tryAcquire(at(10_000), Priority.PLAYING);
    budget.tryAcquire(at(5_000), Priority.PLAYING);

    assertThat(budget.tryAcquire(at(12_000), Priority.PLAYING)).contains(at(35_000));
    assertThat(budget.callsInWindow(at(35_000))).isEqualTo(1);
  }

  @Test
  void theUnreservedShareRoundsDownButNeverToNothing() {
    assertThat(new CallBudget(9, WINDOW, 0.5).limitFor(Priority.IDLE)).isEqualTo(4);
    assertThat(new CallBudget(10, WINDOW, 0.9).limitFor(Priority.PAUSED)).isEqualTo(1);
    assertThat(new CallBudget(10, WINDOW, 0.9).limitFor(Priority.PLAYING)).isEqualTo(10);
    assertThat(new CallBudget(10, WINDOW, 0).limitFor(Priority.IDLE)).isEqualTo(10);
    assertThatThrownBy(() -> new CallBudget(10, WINDOW, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never be polled");
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new CallBudget(0, WINDOW, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallBudget(10, Duration.ZERO, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallBudget(10, WINDOW, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallBudget(10, WINDOW, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CallBudget(10, WINDOW, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyBudgetAllowsEveryPriority() {
    for (Priority priority : Priority.values()) {
      CallBudget budget = new CallBudget(1, WINDOW, 0);
      assertThat(budget.tryAcquire(at(0), priority)).as("%s", priority).isEqualTo(Optional.empty());
    }
  }
}
