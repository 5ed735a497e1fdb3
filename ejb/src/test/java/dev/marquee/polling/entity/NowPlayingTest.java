package dev.marquee.polling.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NowPlayingTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration TOLERANCE = Duration.ofSeconds(3);

  private static Playback track(String id, boolean playing, long progress, Instant at) {
    return new Playback(
        PlaybackKind.TRACK, playing, id, "T " + id, "A", "B", null, null, 200_000, progress, at);
  }

  @Test
  void progressThatMovesAsExpectedIsNoChange() {
    NowPlaying state =
        new NowPlaying(UUID.randomUUID(), track("a", true, 10_000, T0), FeedStatus.LIVE);
    assertThat(state.version()).isEqualTo(1);
    Playback later = track("a", true, 25_400, T0.plusSeconds(15));
    assertThat(state.changesWith(later, FeedStatus.LIVE, TOLERANCE)).isFalse();
  }

  @Test
  void aSeekAnotherItemAPauseOrAnotherStatusIsAChange() {
    NowPlaying state =
        new NowPlaying(UUID.randomUUID(), track("a", true, 10_000, T0), FeedStatus.LIVE);
    Instant later = T0.plusSeconds(15);
    assertThat(state.changesWith(track("a", true, 90_000, later), FeedStatus.LIVE, TOLERANCE))
        .isTrue();
    assertThat(state.changesWith(track("b", true, 25_000, later), FeedStatus.LIVE, TOLERANCE))
        .isTrue();
    assertThat(state.changesWith(track("a", false, 25_000, later), FeedStatus.LIVE, TOLERANCE))
        .isTrue();
    assertThat(state.changesWith(track("a", true, 25_000, later), FeedStatus.STALE, TOLERANCE))
        .isTrue();
  }

  @Test
  void applyingAChangeAddsOneToTheVersion() {
    NowPlaying state = new NowPlaying(UUID.randomUUID(), track("a", true, 0, T0), FeedStatus.LIVE);
    state.apply(track("b", true, 0, T0.plusSeconds(1)), FeedStatus.LIVE);
    state.mark(FeedStatus.STALE);
    assertThat(state.version()).isEqualTo(3);
    assertThat(state.playback().itemId()).isEqualTo("b");
    assertThat(state.status()).isEqualTo(FeedStatus.STALE);
  }
}
