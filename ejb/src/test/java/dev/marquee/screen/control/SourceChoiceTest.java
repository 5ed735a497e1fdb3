package dev.marquee.screen.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.polling.entity.FeedStatus;
import dev.marquee.polling.entity.Playback;
import dev.marquee.polling.entity.PlaybackKind;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SourceChoiceTest {

  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void theFirstPlayingSourceWinsOverEarlierPausedOnes() {
    assertThat(SourceChoice.choose(List.of(paused(), nothing(), playing(), playing())))
        .isEqualTo(OptionalInt.of(2));
  }

  @Test
  void withoutAnyPlayingTheFirstPausedSourceIsShown() {
    assertThat(SourceChoice.choose(List.of(nothing(), unknown(), paused(), paused())))
        .isEqualTo(OptionalInt.of(2));
  }

  @Test
  void nothingPlayingOrPausedIsIdle() {
    assertThat(SourceChoice.choose(List.of(nothing(), unknown()))).isEmpty();
    assertThat(SourceChoice.choose(List.of())).isEmpty();
  }

  @Test
  void anAccountThatNeedsReconnectingIsNeverTakenForPlayingOrPaused() {
    SourceState frozen = state(FeedStatus.NEEDS_RECONNECT, PlaybackKind.TRACK, true);
    assertThat(frozen.playing()).isFalse();
    assertThat(frozen.paused()).isFalse();
    assertThat(SourceChoice.choose(List.of(frozen, paused()))).isEqualTo(OptionalInt.of(1));
    assertThat(frozen.statusName()).isEqualTo("NEEDS_RECONNECT");
  }

  @Test
  void aStaleButPlayingSourceStillCountsAsPlaying() {
    SourceState stale = state(FeedStatus.STALE, PlaybackKind.TRACK, true);
    assertThat(SourceChoice.choose(List.of(paused(), stale))).isEqualTo(OptionalInt.of(1));
  }

  @Test
  void anAccountNeverPolledIsWaiting() {
    assertThat(unknown().statusName()).isEqualTo("WAITING");
    assertThat(unknown().playing()).isFalse();
  }

  private static SourceState playing() {
    return state(FeedStatus.LIVE, PlaybackKind.TRACK, true);
  }

  private static SourceState paused() {
    return state(FeedStatus.LIVE, PlaybackKind.EPISODE, false);
  }

  private static SourceState nothing() {
    return new SourceState(UUID.randomUUID(), FeedStatus.LIVE, Playback.nothing(AT), 3);
  }

  private static SourceState unknown() {
    return SourceState.unknown(UUID.randomUUID());
  }

  private static SourceState state(FeedStatus status, PlaybackKind kind, boolean playing) {
    Playback playback =
        new Playback(kind, playing, "id", "Title", "Artist", "Album", null, null, 1000, 10, AT);
    return new SourceState(UUID.randomUUID(), status, playback, 7);
  }
}
