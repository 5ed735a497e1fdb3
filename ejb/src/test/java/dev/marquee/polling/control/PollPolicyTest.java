package dev.marquee.polling.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.polling.control.Decision.Reason;
import dev.marquee.polling.control.PollResult.Failed;
import dev.marquee.polling.control.PollResult.NeedsReconnect;
import dev.marquee.polling.control.PollResult.NothingPlaying;
import dev.marquee.polling.control.PollResult.Paused;
import dev.marquee.polling.control.PollResult.Playing;
import dev.marquee.polling.control.PollResult.RateLimited;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The poll policy in simulated time: every instant is T0 plus something. */
class PollPolicyTest {

  private static final Instant T0 = Instant.parse("2025-03-03T12:00:00Z");

  /** The centre of the jitter band: the jittered wait equals the nominal one. */
  private static final double NO_JITTER = 0.5;

  /** The largest double below 1, the top of the sample range. */
  private static final double HIGHEST = Math.nextDown(1.0);

  private final PollPolicy policy = new PollPolicy(PollSettings.defaults());

  private Decision after(ScheduleState state, PollResult result) {
    return policy.afterResult(state, result, T0, NO_JITTER);
  }

  private static Instant at(Duration sinceT0) {
    return T0.plus(sinceT0);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Nested
  class WhilePlaying {

    @Test
    void asksAtTheBaseIntervalWhenTheTrackEndsLater() {
      Decision decision = after(ScheduleState.fresh(), new Playing(60_000, 240_000));

      assertThat(decision.nextPollAt()).contains(at(s(15)));
      assertThat(decision.reason()).isEqualTo(Reason.PLAYING_BASE_INTERVAL);
    }

    @Test
    void asksJustAfterTheExpectedEndWhenThatComesFirst() {
      // 10 s left: the end plus the 0.5 s grace, sooner than the 15 s base interval.
      Decision decision = after(ScheduleState.fresh(), new Playing(230_000, 240_000));

      assertThat(decision.nextPollAt()).contains(at(ms(10_500)));
      assertThat(decision.reason()).isEqualTo(Reason.PLAYING_TRACK_END);
    }

    @Test
    void aTrackEndingExactlyAtTheBaseIntervalUsesTheBaseInterval() {
      // 14.5 s left + 0.5 s grace = 15 s: not sooner than the base interval.
      Decision decision = after(ScheduleState.fresh(), new Playing(225_500, 240_000));

      assertThat(decision.nextPollAt()).contains(at(s(15)));
      assertThat(decision.reason()).isEqualTo(Reason.PLAYING_BASE_INTERVAL);

      Decision oneMsLess = after(ScheduleState.fresh(), new Playing(225_501, 240_000));
      assertThat(oneMsLess.nextPollAt()).contains(at(ms(14_999)));
      assertThat(oneMsLess.reason()).isEqualTo(Reason.PLAYING_TRACK_END);
    }

    @Test
    void neverAsksSoonerThanTheMinimumGapAtTheVeryEndOfATrack() {
      Decision atTheEnd = after(ScheduleState.fresh(), new Playing(240_000, 240_000));
      Decision almost = after(ScheduleState.fresh(), new Playing(239_900, 240_000));

      assertThat(atTheEnd.nextPollAt()).contains(at(s(1)));
      assertThat(atTheEnd.reason()).isEqualTo(Reason.PLAYING_TRACK_END);
      assertThat(almost.nextPollAt()).contains(at(s(1)));
    }

    @Test
    void anUnknownDurationFallsBackToTheBaseInterval() {
      Decision decision = after(ScheduleState.fresh(), new Playing(12_000, 0));

      assertThat(decision.nextPollAt()).contains(at(s(15)));
      assertThat(decision.reason()).isEqualTo(Reason.PLAYING_BASE_INTERVAL);
    }

    @Test
    void aPositionBeyondTheDurationFallsBackToTheBaseInterval() {
      // Spotify sometimes reports progress past the end around a track change.
      Decision decision = after(ScheduleState.fresh(), new Playing(241_000, 240_000));

      assertThat(decision.nextPollAt()).contains(at(s(15)));
      assertThat(decision.reason()).isEqualTo(Reason.PLAYING_BASE_INTERVAL);
    }

    @Test
    void aNegativePositionOrDurationPredictsNothing() {
      assertThat(after(ScheduleState.fresh(), new Playing(-5, 240_000)).nextPollAt())
          .contains(at(s(15)));
      assertThat(after(ScheduleState.fresh(), new Playing(1_000, -1)).nextPollAt())
          .contains(at(s(15)));
    }

    @Test
    void isNeverJittered() {
      for (double sample : new double[] {0, 0.25, HIGHEST}) {
        assertThat(
                policy
                    .afterResult(ScheduleState.fresh(), new Playing(230_000, 240_000), T0, sample)
                    .nextPollAt())
            .contains(at(ms(10_500)));
        assertThat(
                policy
                    .afterResult(ScheduleState.fresh(), new Playing(0, 240_000), T0, sample)
                    .nextPollAt())
            .contains(at(s(15)));
      }
    }

    @Test
    void resetsTheIdleAndFailureCounters() {
      Decision decision = after(new ScheduleState(7, 4), new Playing(0, 200_000));

      assertThat(decision.state()).isEqualTo(ScheduleState.fresh());
    }
  }

  @Nested
  class WhenIdle {

    @Test
    void walksUpTheIdleStepsAndStaysOnTheLast() {
      List<Instant> next = new ArrayList<>();
      ScheduleState state = ScheduleState.fresh();
      for (int i = 0; i < 5; i++) {
        Decision decision = after(state, new Paused());
        assertThat(decision.reason()).isEqualTo(Reason.IDLE_BACKOFF);
        next.add(decision.nextPollAt().orElseThrow());
        state = decision.state();
      }

      assertThat(next).containsExactly(at(s(30)), at(s(60)), at(s(120)), at(s(120)), at(s(120)));
      assertThat(state).isEqualTo(new ScheduleState(5, 0));
    }

    @Test
    void nothingPlayingAndPausedShareTheBackOff() {
      Decision first = after(ScheduleState.fresh(), new NothingPlaying());
      Decision second = after(first.state(), new Paused());
      Decision third = after(second.state(), new NothingPlaying());

      assertThat(first.nextPollAt()).contains(at(s(30)));
      assertThat(second.nextPollAt()).contains(at(s(60)));
      assertThat(third.nextPollAt()).contains(at(s(120)));
      assertThat(third.state().idlePolls()).isEqualTo(3);
    }

    @Test
    void anAnswerEndsAFailureStreak() {
      Decision decision = after(new ScheduleState(1, 6), new NothingPlaying());

      assertThat(decision.state()).isEqualTo(new ScheduleState(2, 0));
    }

    @Test
    void playbackAfterIdleStartsTheBackOffAgain() {
      Decision idle = after(new ScheduleState(9, 0), new Paused());
      Decision playing = after(idle.state(), new Playing(0, 200_000));
      Decision pausedAgain = after(playing.state(), new Paused());

      assertThat(idle.nextPollAt()).contains(at(s(120)));
      assertThat(pausedAgain.nextPollAt()).contains(at(s(30)));
    }

    @Test
    void isJitteredWithinPlusOrMinusTwentyPercent() {
      Instant lowest =
          policy.afterResult(ScheduleState.fresh(), new Paused(), T0, 0).nextPollAt().orElseThrow();
      Instant highest =
          policy
              .afterResult(ScheduleState.fresh(), new Paused(), T0, HIGHEST)
              .nextPollAt()
              .orElseThrow();
      Instant quarter =
          policy
              .afterResult(ScheduleState.fresh(), new Paused(), T0, 0.25)
              .nextPollAt()
              .orElseThrow();

      assertThat(lowest).isEqualTo(at(s(24)));
      assertThat(highest).isEqualTo(at(s(36)));
      assertThat(quarter).isEqualTo(at(s(27)));
    }

    @Test
    void staysInsideTheJitterBandForAnySample() {
      for (int i = 0; i <= 1000; i++) {
        double sample = Math.min(i / 1000.0, HIGHEST);
        Duration wait =
            Duration.between(
                T0,
                policy
                    .afterResult(new ScheduleState(2, 0), new NothingPlaying(), T0, sample)
                    .nextPollAt()
                    .orElseThrow());
        assertThat(wait).isBetween(s(96), s(144));
      }
    }

    @Test
    void isNeverSoonerThanTheMinimumGapEvenWithTinySteps() {
      PollPolicy eager =
          new PollPolicy(SettingsBuilder.defaults().idleSteps(List.of(ms(100))).build());

      assertThat(eager.afterResult(ScheduleState.fresh(), new Paused(), T0, 0).nextPollAt())
          .contains(at(s(1)));
    }

    @Test
    void theIdleCounterDoesNotOverflow() {
      Decision decision = after(new ScheduleState(Integer.MAX_VALUE, 0), new Paused());

      assertThat(decision.state().idlePolls()).isEqualTo(Integer.MAX_VALUE);
      assertThat(decision.nextPollAt()).contains(at(s(120)));
    }
  }

  @Nested
  class OnFailure {

    @Test
    void backsOffExponentiallyUpToTheCap() {
      List<Duration> waits = new ArrayList<>();
      ScheduleState state = ScheduleState.fresh();
      for (int i = 0; i < 9; i++) {
        Decision decision = after(state, new Failed("503"));
        assertThat(decision.reason()).isEqualTo(Reason.ERROR_BACKOFF);
        waits.add(Duration.between(T0, decision.nextPollAt().orElseThrow()));
        state = decision.state();
      }

      assertThat(waits)
          .containsExactly(s(5), s(10), s(20), s(40), s(80), s(160), s(300), s(300), s(300));
      assertThat(state.failures()).isEqualTo(9);
    }

    @Test
    void keepsTheIdleCounter() {
      assertThat(after(new ScheduleState(3, 1), new Failed("timeout")).state())
          .isEqualTo(new ScheduleState(3, 2));
    }

    @Test
    void isJitteredAroundTheNominalWait() {
      ScheduleState twoFailures = new ScheduleState(0, 2); // nominal 20 s

      assertThat(policy.afterResult(twoFailures, new Failed("x"), T0, 0).nextPollAt().orElseThrow())
          .isEqualTo(at(s(16)));
      assertThat(
              policy
                  .afterResult(twoFailures, new Failed("x"), T0, HIGHEST)
                  .nextPollAt()
                  .orElseThrow())
          .isEqualTo(at(s(24)));
    }

    @Test
    void theCapIsTheCentreOfTheJitterBandSoLongOutagesStaySpread() {
      ScheduleState longOutage = new ScheduleState(0, 40);

      assertThat(policy.afterResult(longOutage, new Failed("x"), T0, 0).nextPollAt())
          .contains(at(s(240)));
      assertThat(policy.afterResult(longOutage, new Failed("x"), T0, HIGHEST).nextPollAt())
          .contains(at(s(360)));
    }

    @Test
    void doesNotOverflowAtLargeFailureCounts() {
      for (int failures : new int[] {31, 32, 62, 63, 64, 1_000, Integer.MAX_VALUE - 1}) {
        Decision decision = after(new ScheduleState(0, failures), new Failed("x"));
        assertThat(decision.nextPollAt()).as("failures=%d", failures).contains(at(s(300)));
      }
      Decision atMax = after(new ScheduleState(0, Integer.MAX_VALUE), new Failed("x"));
      assertThat(atMax.nextPollAt()).contains(at(s(300)));
      assertThat(atMax.state().failures()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aCapNearTheLargestDurationDoesNotOverflowEither() {
      Duration largest = Duration.ofSeconds(Long.MAX_VALUE);
      Duration quarter = Duration.ofSeconds(Long.MAX_VALUE / 4);
      PollPolicy patient =
          new PollPolicy(
              SettingsBuilder.defaults()
                  .errorBackoffBase(quarter)
                  .errorBackoffCap(largest)
                  .jitter(0)
                  .build());

      assertThat(patient.errorBackoff(1)).isEqualTo(quarter.multipliedBy(2));
      assertThat(patient.errorBackoff(2)).isEqualTo(quarter.multipliedBy(4));
      // Doubling once more would exceed what a Duration can hold.
      assertThat(patient.errorBackoff(3)).isEqualTo(largest);
      assertThat(patient.errorBackoff(Integer.MAX_VALUE)).isEqualTo(largest);
    }

    @Test
    void aMissingReasonIsStillAFailure() {
      assertThat(new Failed(null).reason()).isEqualTo("unspecified");
      assertThat(after(ScheduleState.fresh(), new Failed(null)).reason())
          .isEqualTo(Reason.ERROR_BACKOFF);
    }
  }

  @Nested
  class WhenRateLimited {

    @Test
    void waitsExactlyAsLongAsSpotifyAsked() {
      for (double sample : new double[] {0, NO_JITTER, HIGHEST}) {
        Decision decision =
            policy.afterResult(ScheduleState.fresh(), new RateLimited(s(42), false), T0, sample);
        assertThat(decision.nextPollAt()).contains(at(s(42)));
        assertThat(decision.reason()).isEqualTo(Reason.RETRY_AFTER);
      }
    }

    @Test
    void countsAsAFailure() {
      assertThat(after(new ScheduleState(2, 1), new RateLimited(s(42), false)).state())
          .isEqualTo(new ScheduleState(2, 2));
    }

    @Test
    void capsAHugeRetryAfter() {
      Decision hours = after(ScheduleState.fresh(), new RateLimited(Duration.ofHours(20), false));
      Decision absurd =
          after(ScheduleState.fresh(), new RateLimited(Duration.ofSeconds(Long.MAX_VALUE), false));

      assertThat(hours.nextPollAt()).contains(at(Duration.ofHours(1)));
      assertThat(hours.reason()).isEqualTo(Reason.RETRY_AFTER_CAPPED);
      assertThat(absurd.nextPollAt()).contains(at(Duration.ofHours(1)));
      assertThat(absurd.reason()).isEqualTo(Reason.RETRY_AFTER_CAPPED);
    }

    @Test
    void exactlyTheCapIsNotCapped() {
      Decision decision = after(ScheduleState.fresh(), new RateLimited(Duration.ofHours(1), false));

      assertThat(decision.nextPollAt()).contains(at(Duration.ofHours(1)));
      assertThat(decision.reason()).isEqualTo(Reason.RETRY_AFTER);
    }

    @Test
    void withoutRetryAfterBacksOffLikeAnError() {
      Decision first = after(ScheduleState.fresh(), new RateLimited(null, false));
      Decision third = after(new ScheduleState(0, 2), new RateLimited(null, false));
      Decision jittered =
          policy.afterResult(new ScheduleState(0, 2), new RateLimited(null, false), T0, 0);

      assertThat(first.nextPollAt()).contains(at(s(5)));
      assertThat(first.reason()).isEqualTo(Reason.ERROR_BACKOFF);
      assertThat(third.nextPollAt()).contains(at(s(20)));
      assertThat(jittered.nextPollAt()).contains(at(s(16)));
    }

    @Test
    void aNegativeRetryAfterIsTreatedAsAbsent() {
      RateLimited negative = new RateLimited(s(-3), false);

      assertThat(negative.retryAfter()).isNull();
      assertThat(after(ScheduleState.fresh(), negative).reason()).isEqualTo(Reason.ERROR_BACKOFF);
    }

    @Test
    void aZeroRetryAfterStillKeepsTheMinimumGap() {
      Decision decision = after(ScheduleState.fresh(), new RateLimited(Duration.ZERO, false));

      assertThat(decision.nextPollAt()).contains(at(s(1)));
      assertThat(decision.reason()).isEqualTo(Reason.RETRY_AFTER);
    }

    @Test
    void aQuotaAnswerSaysToPauseTheApp() {
      Decision plain = after(ScheduleState.fresh(), new RateLimited(s(600), true));
      Decision capped = after(ScheduleState.fresh(), new RateLimited(Duration.ofHours(9), true));
      Decision noHeader = after(ScheduleState.fresh(), new RateLimited(null, true));

      assertThat(plain.nextPollAt()).contains(at(s(600)));
      assertThat(plain.reason()).isEqualTo(Reason.QUOTA_PAUSE);
      assertThat(capped.nextPollAt()).contains(at(Duration.ofHours(1)));
      assertThat(capped.reason()).isEqualTo(Reason.QUOTA_PAUSE);
      assertThat(noHeader.nextPollAt()).contains(at(s(5)));
      assertThat(noHeader.reason()).isEqualTo(Reason.QUOTA_PAUSE);
    }
  }

  @Nested
  class WhenReconnectNeeded {

    @Test
    void neverPollsAgain() {
      Decision decision = after(new ScheduleState(1, 2), new NeedsReconnect());

      assertThat(decision.nextPollAt()).isEmpty();
      assertThat(decision.reason()).isEqualTo(Reason.NEEDS_RECONNECT);
      assertThat(decision.state()).isEqualTo(new ScheduleState(1, 2));
    }
  }

  @Nested
  class OnFirstWatcher {

    private final Instant scheduled = at(s(100));

    @Test
    void pollsAtOnceWhenNeverFetched() {
      assertThat(policy.onFirstWatcher(null, scheduled, T0)).isEqualTo(T0);
      assertThat(policy.onFirstWatcher(null, null, T0)).isEqualTo(T0);
    }

    @Test
    void pollsAtOnceWhenTheStateIsOlderThanTheBaseInterval() {
      Instant stale = T0.minus(ms(15_001));

      assertThat(policy.onFirstWatcher(stale, scheduled, T0)).isEqualTo(T0);
    }

    @Test
    void keepsTheScheduleWhenTheStateIsFreshEnough() {
      assertThat(policy.onFirstWatcher(T0.minus(s(10)), scheduled, T0)).isEqualTo(scheduled);
      // Exactly the base interval old is not older than it.
      assertThat(policy.onFirstWatcher(T0.minus(s(15)), scheduled, T0)).isEqualTo(scheduled);
    }

    @Test
    void anOverdueScheduleStaysDue() {
      Instant overdue = T0.minus(s(2));

      assertThat(policy.onFirstWatcher(T0.minus(s(5)), overdue, T0)).isEqualTo(overdue);
    }

    @Test
    void withoutAScheduleAsksWhenTheStateTurnsStale() {
      assertThat(policy.onFirstWatcher(T0.minus(s(10)), null, T0)).isEqualTo(at(s(5)));
    }

    @Test
    void neverBreaksAScheduleSpotifyImposed() {
      Instant stale = T0.minus(Duration.ofMinutes(10));
      Instant retryAt = at(Duration.ofMinutes(50));

      for (Reason holding :
          List.of(
              Reason.RETRY_AFTER,
              Reason.RETRY_AFTER_CAPPED,
              Reason.QUOTA_PAUSE,
              Reason.ERROR_BACKOFF)) {
        assertThat(policy.onFirstWatcher(stale, retryAt, holding, T0))
            .as("%s", holding)
            .isEqualTo(retryAt);
      }
      assertThat(policy.onFirstWatcher(stale, null, Reason.NEEDS_RECONNECT, T0)).isNull();
    }

    @Test
    void aFreshnessScheduleGivesWayToANewWatcher() {
      Instant stale = T0.minus(Duration.ofMinutes(10));

      for (Reason freshness :
          List.of(Reason.PLAYING_BASE_INTERVAL, Reason.PLAYING_TRACK_END, Reason.IDLE_BACKOFF)) {
        assertThat(policy.onFirstWatcher(stale, scheduled, freshness, T0))
            .as("%s", freshness)
            .isEqualTo(T0);
      }
      assertThat(policy.onFirstWatcher(stale, scheduled, null, T0)).isEqualTo(T0);
      assertThat(policy.onFirstWatcher(T0.minus(s(3)), scheduled, Reason.IDLE_BACKOFF, T0))
          .isEqualTo(scheduled);
    }
  }

  @Test
  void rejectsJitterSamplesOutsideTheUnitInterval() {
    for (double sample : new double[] {-0.01, 1.0, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> policy.afterResult(ScheduleState.fresh(), new Paused(), T0, sample))
          .as("sample %s", sample)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("jitterSample");
    }
  }

  @Test
  void withoutJitterEverySampleGivesTheNominalWait() {
    PollPolicy steady = new PollPolicy(SettingsBuilder.defaults().jitter(0).build());

    assertThat(steady.afterResult(ScheduleState.fresh(), new Paused(), T0, 0).nextPollAt())
        .contains(at(s(30)));
    assertThat(steady.afterResult(ScheduleState.fresh(), new Failed("x"), T0, HIGHEST).nextPollAt())
        .contains(at(s(5)));
  }

  @Test
  void scheduleStateRejectsNegativeCounters() {
    assertThat(ScheduleState.fresh()).isEqualTo(new ScheduleState(0, 0));
    assertThatThrownBy(() -> new ScheduleState(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScheduleState(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
