package dev.marquee.polling.control;

/**
 * The per-account bookkeeping kept in the database between polls.
 *
 * <p>Schedules live in the database rather than in timers because timers on a single Payara Micro
 * are lost on restart, and any node of a cluster may make the next call. Two counters are all the
 * policy needs to remember; everything else comes from the latest result.
 *
 * @param idlePolls consecutive paused/nothing-playing answers: how far the idle back-off has gone
 * @param failures consecutive calls that produced no state (errors, 429s): how far the error
 *     back-off has gone
 */
public record ScheduleState(int idlePolls, int failures) {

  /**
   * @throws IllegalArgumentException when a counter is negative (a corrupt row, not a state)
   */
  public ScheduleState {
    if (idlePolls < 0 || failures < 0) {
      throw new IllegalArgumentException(
          "Poll counters cannot be negative: idlePolls=" + idlePolls + ", failures=" + failures);
    }
  }

  /** A newly connected account, or one whose last answer was playback: no back-off. */
  public static ScheduleState fresh() {
    return new ScheduleState(0, 0);
  }

  ScheduleState afterIdlePoll() {
    return new ScheduleState(saturatingIncrement(idlePolls), 0);
  }

  ScheduleState afterFailure() {
    return new ScheduleState(idlePolls, saturatingIncrement(failures));
  }

  /** An account failing for years must not wrap to a negative count and reject its own row. */
  private static int saturatingIncrement(int count) {
    return count == Integer.MAX_VALUE ? count : count + 1;
  }
}
