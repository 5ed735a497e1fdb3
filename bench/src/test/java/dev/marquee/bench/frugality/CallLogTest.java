package dev.marquee.bench.frugality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.bench.frugality.ListeningTrace.Segment;
import dev.marquee.bench.frugality.Observation.Kind;
import dev.marquee.bench.frugality.TraceEvent.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the simulator measures the delay between a change and the call that shows it. */
class CallLogTest {

  /** 100 s of state; screens watch [0, 40 s) and [60 s, 100 s); skips at 10, 20, 35, 50, 70 s. */
  private static final ListeningTrace TRACE =
      new ListeningTrace(
          List.of(new Segment(0, 100_000, Kind.PLAYING, 1, 0, 300_000)),
          List.of(
              new TraceEvent(10_000, Type.SKIP),
              new TraceEvent(20_000, Type.SKIP),
              new TraceEvent(35_000, Type.SKIP),
              new TraceEvent(50_000, Type.SKIP),
              new TraceEvent(70_000, Type.SKIP),
              new TraceEvent(12_000, Type.NATURAL_CHANGE)),
          List.of(new Interval(0, 40_000), new Interval(60_000, 100_000)));

  @Test
  void aChangeIsSeenByTheFirstCallAtOrAfterIt() {
    CallLog log = new CallLog("test", List.of(5_000L, 12_000L, 30_000L, 45_000L, 75_000L));

    // 10 s -> call at 12 s; 20 s -> 30 s; 35 s: the next call (45 s) is after the screens went
    // off at 40 s, so unseen; 50 s: nobody watched, not counted; 70 s -> 75 s.
    assertThat(log.delays(TRACE, Type.SKIP)).containsExactly(2_000, 10_000, 5_000);
    assertThat(log.unseen(TRACE, Type.SKIP)).isEqualTo(1);
    // A call at the very instant of the change sees it.
    assertThat(log.delays(TRACE, Type.NATURAL_CHANGE)).containsExactly(0);
  }

  @Test
  void callsAreCountedAsWatchedOrNot() {
    CallLog log = new CallLog("test", List.of(39_999L, 40_000L, 59_999L, 60_000L, 99_999L));

    assertThat(log.total()).isEqualTo(5);
    assertThat(log.callsWhileUnwatched(TRACE)).isEqualTo(2);
    assertThat(log.callsWhileWatched(TRACE)).isEqualTo(3);
  }

  @Test
  void callTimesNeedNotArriveInOrder() {
    CallLog log = new CallLog("test", List.of(30_000L, 12_000L, 75_000L));

    assertThat(log.delays(TRACE, Type.SKIP)).containsExactly(2_000, 10_000, 5_000);
  }

  @Test
  void percentilesAreNearestRank() {
    long[] values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};

    assertThat(CallLog.percentile(values, 0.5)).isEqualTo(5);
    assertThat(CallLog.percentile(values, 0.95)).isEqualTo(10);
    assertThat(CallLog.percentile(values, 0.9)).isEqualTo(9);
    assertThat(CallLog.percentile(new long[] {7}, 0.95)).isEqualTo(7);
    assertThat(CallLog.percentile(new long[0], 0.5)).isNaN();
  }
}
