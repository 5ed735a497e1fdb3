package dev.marquee.polling.control;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every knob of the poll policy, so operators can trade freshness for quota without a rebuild.
 *
 * <p>Validated on construction: a bad value from the environment should stop the poller from
 * starting with a clear message, not make it poll in a tight loop or never.
 *
 * @param baseInterval the longest a playing account goes unasked: how stale a skip or a seek can
 *     get on a screen (15 s)
 * @param trackEndGrace how long after the expected end of a track to ask, so Spotify has already
 *     moved on to the next one when we call (0.5 s)
 * @param idleSteps waits for consecutive paused/nothing-playing answers; the last one repeats (30
 *     s, 60 s, 120 s)
 * @param errorBackoffBase the wait after the first failure; doubled per further failure (5 s)
 * @param errorBackoffCap the longest wait after failures (5 min)
 * @param jitter the relative spread, in [0, 1), applied to idle and error waits so that accounts
 *     which went idle or failed together do not call together again (0.2, i.e. ±20 %)
 * @param retryAfterCap the longest we honour a {@code Retry-After}: Spotify has answered with
 *     hours, and an account dark for a day is worse than one more 429 (1 h)
 * @param minimumGap the shortest wait between two calls for one account, whatever the answer said
 *     (1 s)
 */
public record PollSettings(
    Duration baseInterval,
    Duration trackEndGrace,
    List<Duration> idleSteps,
    Duration errorBackoffBase,
    Duration errorBackoffCap,
    double jitter,
    Duration retryAfterCap,
    Duration minimumGap) {

  /**
   * @throws IllegalArgumentException when a duration is not positive, there are no idle steps, the
   *     jitter is outside [0, 1), the error back-off cap is below its base, or the minimum gap is
   *     longer than the base interval
   */
  public PollSettings {
    requirePositive(baseInterval, "baseInterval");
    requirePositive(trackEndGrace, "trackEndGrace");
    Objects.requireNonNull(idleSteps, "idleSteps");
    idleSteps = List.copyOf(idleSteps);
    if (idleSteps.isEmpty()) {
      throw new IllegalArgumentException("idleSteps needs at least one wait");
    }
    for (Duration step : idleSteps) {
      requirePositive(step, "each of idleSteps");
    }
    requirePositive(errorBackoffBase, "errorBackoffBase");
    requirePositive(errorBackoffCap, "errorBackoffCap");
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
    }
    requirePositive(retryAfterCap, "retryAfterCap");
    requirePositive(minimumGap, "minimumGap");
    if (errorBackoffCap.compareTo(errorBackoffBase) < 0) {
      throw new IllegalArgumentException(
          "errorBackoffCap ("
              + errorBackoffCap
              + ") is below errorBackoffBase ("
              + errorBackoffBase
              + ")");
    }
    if (minimumGap.compareTo(baseInterval) > 0) {
      throw new IllegalArgumentException(
          "minimumGap (" + minimumGap + ") is longer than baseInterval (" + baseInterval + ")");
    }
  }

  /** The design brief's policy: 15 s while playing, 30/60/120 s idle, 5 s to 5 min on errors. */
  public static PollSettings defaults() {
    return new PollSettings(
        Duration.ofSeconds(15),
        Duration.ofMillis(500),
        List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)),
        Duration.ofSeconds(5),
        Duration.ofMinutes(5),
        0.2,
        Duration.ofHours(1),
        Duration.ofSeconds(1));
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
  }
}
