package dev.marquee.bench.frugality;

import dev.marquee.bench.frugality.Observation.Kind;
import dev.marquee.polling.control.CallBudget;
import dev.marquee.polling.control.Decision;
import dev.marquee.polling.control.PollPolicy;
import dev.marquee.polling.control.PollResult;
import dev.marquee.polling.control.ScheduleState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToLongFunction;

/**
 * The policies compared, each run over the trace in virtual time: a call observes the trace's true
 * state at that instant and the policy picks the next instant from what it saw.
 */
public final class Pollers {

  /** Where the traced day starts on the clock Marquee's policy sees; any instant would do. */
  static final Instant DAY_START = Instant.parse("2025-03-03T00:00:00Z");

  /** Marquee's jitter samples come from this seed, so its run is as repeatable as the trace. */
  static final long JITTER_SEED = 42;

  private Pollers() {}

  /**
   * A poller that asks all day, whoever watches, each time waiting what {@code nextDelayMs}
   * computes from the last answer: what the anchors do.
   */
  public static CallLog blind(
      String name, ListeningTrace trace, ToLongFunction<Observation> nextDelayMs) {
    List<Long> calls = new ArrayList<>();
    for (long now = 0; now < trace.lengthMs(); ) {
      calls.add(now);
      long delay = nextDelayMs.applyAsLong(trace.observe(now));
      if (delay <= 0) {
        throw new IllegalStateException(name + " would poll in a loop at " + now);
      }
      now += delay;
    }
    return new CallLog(name, calls);
  }

  /** Castmill: every 15 s per widget (one widget here). */
  public static long castmill(Observation observation) {
    return 15_000;
  }

  /** LEELOO, the Pi display: 20 s while playing, 60 s paused, 120 s when nothing plays. */
  public static long leeloo(Observation observation) {
    return switch (observation.kind()) {
      case PLAYING -> 20_000;
      case PAUSED -> 60_000;
      case NOTHING -> 120_000;
    };
  }

  /**
   * Home Assistant's Spotify integration: every 30 s, but when the track ends sooner, one second
   * after its expected end instead.
   */
  public static long homeAssistant(Observation observation) {
    if (observation.kind() == Kind.PLAYING) {
      long left = observation.durationMs() - observation.progressMs();
      if (left < 30_000) {
        return left + 1_000;
      }
    }
    return 30_000;
  }

  /** What Marquee's run produced besides its calls. */
  public record MarqueeRun(CallLog log, int budgetRefusals) {}

  /**
   * Marquee: the real {@link PollPolicy}, no calls while no screen watches, the first-watcher rule
   * when screens come back, and every call passed through a {@link CallBudget} (one account cannot
   * exhaust it, so it only proves it does not get in the way).
   */
  public static MarqueeRun marquee(ListeningTrace trace, PollPolicy policy, CallBudget budget) {
    Random jitter = new Random(JITTER_SEED);
    List<Long> calls = new ArrayList<>();
    int refusals = 0;
    ScheduleState state = ScheduleState.fresh();
    Instant lastFetchedAt = null;
    Instant scheduledAt = null;
    Decision.Reason scheduledBecause = null;
    CallBudget.Priority priority = CallBudget.Priority.IDLE;
    for (Interval watching : trace.watched()) {
      Instant end = instant(watching.endMs());
      Instant next =
          policy.onFirstWatcher(
              lastFetchedAt, scheduledAt, scheduledBecause, instant(watching.startMs()));
      if (next != null && next.isBefore(instant(watching.startMs()))) {
        next = instant(watching.startMs()); // overdue: the heartbeat claims it at once
      }
      while (next != null && next.isBefore(end)) {
        Optional<Instant> refused = budget.tryAcquire(next, priority);
        if (refused.isPresent()) {
          refusals++;
          next = refused.get();
          continue;
        }
        long nowMs = Duration.between(DAY_START, next).toMillis();
        calls.add(nowMs);
        Observation observation = trace.observe(nowMs);
        lastFetchedAt = next;
        Decision decision =
            policy.afterResult(state, result(observation), next, jitter.nextDouble());
        state = decision.state();
        scheduledAt = decision.nextPollAt().orElse(null);
        scheduledBecause = decision.reason();
        priority = priority(observation);
        next = scheduledAt;
      }
    }
    return new MarqueeRun(new CallLog("Marquee PollPolicy", calls), refusals);
  }

  static PollResult result(Observation observation) {
    return switch (observation.kind()) {
      case PLAYING -> new PollResult.Playing(observation.progressMs(), observation.durationMs());
      case PAUSED -> new PollResult.Paused();
      case NOTHING -> new PollResult.NothingPlaying();
    };
  }

  private static CallBudget.Priority priority(Observation observation) {
    return switch (observation.kind()) {
      case PLAYING -> CallBudget.Priority.PLAYING;
      case PAUSED -> CallBudget.Priority.PAUSED;
      case NOTHING -> CallBudget.Priority.IDLE;
    };
  }

  private static Instant instant(long dayMs) {
    return DAY_START.plusMillis(dayMs);
  }
}
