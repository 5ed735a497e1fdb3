package dev.marquee.bench.frugality;

import java.util.Arrays;
import java.util.List;

/**
 * The instants at which one policy called Spotify during the day, and what they mean for screens.
 *
 * <p>A change "is seen" by the first call at or after it: that call's answer is the first to differ
 * from what screens showed before. Only changes while a screen watches count, and a change whose
 * first call comes after the screens went off was never seen by anyone ({@link #unseen}).
 */
public final class CallLog {

  private final String policy;
  private final long[] calls;

  public CallLog(String policy, List<Long> callTimesMs) {
    this.policy = policy;
    this.calls = callTimesMs.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  public String policy() {
    return policy;
  }

  public int total() {
    return calls.length;
  }

  /** Calls made while no screen watched: pure waste, whatever the policy. */
  public int callsWhileUnwatched(ListeningTrace trace) {
    int count = 0;
    for (long call : calls) {
      if (!trace.isWatched(call)) {
        count++;
      }
    }
    return count;
  }

  /** Calls made while a screen watched. */
  public int callsWhileWatched(ListeningTrace trace) {
    return total() - callsWhileUnwatched(trace);
  }

  /**
   * How long each watched change of this type took to reach screens, in milliseconds, in event
   * order; changes nobody saw before the screens went off are left out (see {@link #unseen}).
   */
  public long[] delays(ListeningTrace trace, TraceEvent.Type type) {
    return trace.events().stream()
        .filter(event -> event.type() == type)
        .mapToLong(event -> delay(trace, event.atMs()))
        .filter(delay -> delay >= 0)
        .toArray();
  }

  /** Watched changes of this type that no call observed before the screens went off. */
  public long unseen(ListeningTrace trace, TraceEvent.Type type) {
    return trace.events().stream()
        .filter(event -> event.type() == type && trace.isWatched(event.atMs()))
        .filter(event -> delay(trace, event.atMs()) < 0)
        .count();
  }

  /**
   * The delay until the first call at or after {@code atMs}; -1 when nobody watched at that
   * instant, or no call came before the watching stretch ended.
   */
  long delay(ListeningTrace trace, long atMs) {
    Interval watching = trace.watchedIntervalAt(atMs);
    if (watching == null) {
      return -1;
    }
    int index = Arrays.binarySearch(calls, atMs);
    if (index < 0) {
      index = -index - 1;
    } else {
      // Several calls at one instant: any of them.
      while (index > 0 && calls[index - 1] == atMs) {
        index--;
      }
    }
    if (index >= calls.length || calls[index] >= watching.endMs()) {
      return -1;
    }
    return calls[index] - atMs;
  }

  /**
   * The nearest-rank percentile: the smallest value with at least {@code p} of the values at or
   * below it; NaN for no values.
   */
  public static double percentile(long[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
