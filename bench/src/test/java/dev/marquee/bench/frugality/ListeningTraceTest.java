package dev.marquee.bench.frugality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.bench.frugality.Observation.Kind;
import dev.marquee.bench.frugality.TraceEvent.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference trace is what docs/benchmarks.md says it is. */
class ListeningTraceTest {

  private final ListeningTrace trace = ListeningTrace.reference();

  @Test
  void isTheSameDayEveryTime() {
    ListeningTrace again = ListeningTrace.reference();

    assertThat(again.events()).isEqualTo(trace.events());
    assertThat(again.trackLengths()).isEqualTo(trace.trackLengths());
    assertThat(trace.lengthMs()).isEqualTo(ListeningTrace.DAY);
  }

  @Test
  void hasRealisticTracksAndAboutOneSkipInFour() {
    List<Long> lengths = trace.trackLengths();

    assertThat(lengths).hasSizeGreaterThan(100);
    assertThat(lengths).allSatisfy(length -> assertThat(length).isBetween(150_000L, 360_000L));
    double skipped = (double) trace.count(Type.SKIP) / lengths.size();
    assertThat(skipped).isBetween(0.22, 0.26);
    assertThat(trace.count(Type.PAUSE)).isBetween(4L, 15L);
    assertThat(trace.count(Type.SEEK)).isBetween(3L, 15L);
  }

  @Test
  void hasLongIdleStretchesAndMusicNobodyWatches() {
    long playing = trace.timeIn(Kind.PLAYING, false);

    assertThat(playing).isBetween(5 * ListeningTrace.HOUR, 10 * ListeningTrace.HOUR);
    assertThat(trace.timeIn(Kind.NOTHING, true)).isGreaterThan(2 * ListeningTrace.HOUR);
    assertThat(playing - trace.timeIn(Kind.PLAYING, true))
        .isGreaterThan(30 * ListeningTrace.MINUTE);
  }

  @Test
  void thePositionAdvancesWhilePlayingAndStandsStillWhilePaused() {
    long atPause =
        trace.events().stream()
            .filter(event -> event.type() == Type.PAUSE)
            .findFirst()
            .orElseThrow()
            .atMs();
    Observation before = trace.observe(atPause - 1_000);
    Observation paused = trace.observe(atPause);
    Observation later = trace.observe(atPause + 30_000);

    assertThat(before.kind()).isEqualTo(Kind.PLAYING);
    assertThat(paused.kind()).isEqualTo(Kind.PAUSED);
    assertThat(paused.item()).isEqualTo(before.item());
    assertThat(paused.progressMs()).isEqualTo(before.progressMs() + 1_000);
    assertThat(later.progressMs()).isEqualTo(paused.progressMs());
  }

  @Test
  void aNaturalChangeStartsTheNextTrackFromTheBeginning() {
    long at =
        trace.events().stream()
            .filter(event -> event.type() == Type.NATURAL_CHANGE)
            .findFirst()
            .orElseThrow()
            .atMs();
    Observation ending = trace.observe(at - 1);
    Observation next = trace.observe(at);

    assertThat(ending.progressMs()).isEqualTo(ending.durationMs() - 1);
    assertThat(next.item()).isNotEqualTo(ending.item());
    assertThat(next.progressMs()).isZero();
  }
}
