package dev.marquee.bench.frugality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.polling.control.CallBudget;
import dev.marquee.polling.control.PollPolicy;
import dev.marquee.polling.control.PollSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The simulated pollers do what the benchmark says they do. */
class PollersTest {

  private final ListeningTrace trace = ListeningTrace.reference();

  private Pollers.MarqueeRun marquee() {
    return Pollers.marquee(
        trace,
        new PollPolicy(PollSettings.defaults()),
        new CallBudget(100, Duration.ofSeconds(30), 0.5));
  }

  @Test
  void marqueeCallsOnlyWhileWatchedAndAtOnceWhenScreensComeBack() {
    CallLog log = marquee().log();

    assertThat(log.callsWhileUnwatched(trace)).isZero();
    for (Interval watching : trace.watched()) {
      // Every stretch follows at least 15 s without calls, so its first watcher polls at once.
      assertThat(log.delay(trace, watching.startMs())).as("%s", watching).isZero();
    }
  }

  @Test
  void marqueeIsRepeatable() {
    assertThat(marquee().log().total()).isEqualTo(marquee().log().total());
    assertThat(marquee().budgetRefusals()).isZero();
  }

  @Test
  void blindPollersCallAllDay() {
    CallLog fixed = Pollers.blind("fixed", trace, Pollers::castmill);

    assertThat(fixed.total()).isEqualTo(24 * 60 * 4);
    assertThat(fixed.callsWhileUnwatched(trace)).isPositive();
  }

  @Test
  void homeAssistantAsksOneSecondAfterTheExpectedEnd() {
    Observation nearEnd = new Observation(Observation.Kind.PLAYING, 1, 200_000, 210_000);
    Observation midTrack = new Observation(Observation.Kind.PLAYING, 1, 10_000, 210_000);

    assertThat(Pollers.homeAssistant(nearEnd)).isEqualTo(11_000);
    assertThat(Pollers.homeAssistant(midTrack)).isEqualTo(30_000);
    assertThat(Pollers.homeAssistant(Observation.NOTHING)).isEqualTo(30_000);
  }
}
