package dev.marquee.polling.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A per-Spotify-app call budget over a rolling window: Spotify counts every call of one app
 * (whichever account it is for) in a rolling 30 s window, and a 429 or a quota pause hurts every
 * account of that app. Staying under the limit ourselves is cheaper than being told.
 *
 * <p>When calls are tight, the accounts whose screens would show a change soonest keep theirs: part
 * of the budget is reserved for playing accounts, and paused or idle accounts may use only the
 * rest. A refused call is not lost; the caller reschedules it at the instant returned.
 *
 * <p>Pure bookkeeping in memory, counted for one node: the caller passes the time in. It is safe to
 * share between threads. Instants should be passed in non-decreasing order; a call recorded with an
 * earlier instant than one already recorded is still counted correctly.
 */
public final class CallBudget {

  /** How much a call matters to what screens show, most first. */
  public enum Priority {
    /** Playing: track changes and skips are due any moment. */
    PLAYING,
    /** Paused: a resume is possible, but a paused screen is not going stale. */
    PAUSED,
    /** Nothing playing: the least likely to change. */
    IDLE
  }

  private final int callsPerWindow;
  private final Duration window;
  private final int unreservedCalls;

  /** Instants of the calls recorded and not yet rolled off, oldest first. */
  private final List<Instant> calls = new ArrayList<>();

  /**
   * @param callsPerWindow the most calls the app may make in one window
   * @param window the length of the rolling window (Spotify's is 30 s)
   * @param reservedForPlaying the share of {@code callsPerWindow}, in [0, 1), that only playing
   *     accounts may use, e.g. 0.5; paused and idle accounts get the rest, rounded down
   * @throws IllegalArgumentException when the limit is not positive, the window is not positive,
   *     the reserve is outside [0, 1), or it would leave paused and idle accounts no call at all
   */
  public CallBudget(int callsPerWindow, Duration window, double reservedForPlaying) {
    Objects.requireNonNull(window, "window");
    if (callsPerWindow < 1) {
      throw new IllegalArgumentException("callsPerWindow must be positive, was " + callsPerWindow);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    if (!(reservedForPlaying >= 0 && reservedForPlaying < 1)) {
      throw new IllegalArgumentException(
          "reservedForPlaying must be in [0, 1), was " + reservedForPlaying);
    }
    // The epsilon keeps 10 * (1 - 0.9) = 0.9999999999999998 from losing its one call to rounding.
    int unreserved = (int) Math.floor(callsPerWindow * (1 - reservedForPlaying) + 1e-9);
    if (unreserved < 1) {
      throw new IllegalArgumentException(
          "Reserving "
              + reservedForPlaying
              + " of "
              + callsPerWindow
              + " calls leaves paused and idle accounts none: they would never be polled");
    }
    this.callsPerWindow = callsPerWindow;
    this.window = window;
    this.unreservedCalls = unreserved;
  }

  /**
   * Asks to make one call now.
   *
   * @return empty if the call is allowed, in which case it has been recorded; otherwise the
   *     earliest instant at which a call of this priority would be allowed if nothing else were
   *     recorded meanwhile (nothing is recorded)
   */
  public synchronized Optional<Instant> tryAcquire(Instant now, Priority priority) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(priority, "priority");
    rollOff(now);
    int limit = priority == Priority.PLAYING ? callsPerWindow : unreservedCalls;
    if (calls.size() < limit) {
      int at = Collections.binarySearch(calls, now);
      calls.add(at >= 0 ? at + 1 : -at - 1, now);
      return Optional.empty();
    }
    // Allowed once only limit - 1 calls remain: when the (size - limit + 1)-th oldest rolls off.
    return Optional.of(calls.get(calls.size() - limit).plus(window));
  }

  /** The calls recorded that still count at {@code now}, for metrics and the console. */
  public synchronized int callsInWindow(Instant now) {
    Objects.requireNonNull(now, "now");
    Instant cutoff = now.minus(window);
    return (int) calls.stream().filter(call -> call.isAfter(cutoff)).count();
  }

  /** The limit a call of this priority is held to. */
  public int limitFor(Priority priority) {
    return priority == Priority.PLAYING ? callsPerWindow : unreservedCalls;
  }

  /** A call made at t counts during [t, t + window). */
  private void rollOff(Instant now) {
    Instant cutoff = now.minus(window);
    while (!calls.isEmpty() && !calls.get(0).isAfter(cutoff)) {
      calls.remove(0);
    }
  }
}
