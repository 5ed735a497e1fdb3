package dev.marquee.sandbox.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.sandbox.SandboxClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlayerTest {

  private final SandboxClock clock = new SandboxClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final Player player = new Player(clock);
  private final Track one = Track.of("One", "A", "X", "2020-01-01", Duration.ofMinutes(2));
  private final Track two = Track.of("Two", "A", "X", "2020-01-01", Duration.ofMinutes(3));

  @Test
  void newPlayerIsStoppedAndEmpty() {
    PlaybackSnapshot snapshot = player.snapshot();

    assertThat(snapshot.isIdle()).isTrue();
    assertThat(snapshot.item()).isNull();
    assertThatThrownBy(player::play).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> player.setQueue(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void progressFollowsTheClockNotTheNumberOfReads() {
    player.setQueue(List.of(one, two));

    clock.advance(Duration.ofSeconds(30));

    assertThat(player.snapshot().progressMs()).isEqualTo(30_000);
    assertThat(player.snapshot().progressMs()).isEqualTo(30_000);
    assertThat(player.snapshot().remainingMs()).isEqualTo(90_000);
  }

  @Test
  void aLongClockJumpLandsOnTheRightItemAndStartInstant() {
    player.setQueue(List.of(one, two));
    Instant start = clock.instant();

    // 1000 loops of 5 minutes, then 2.5 minutes: 30 s into "Two".
    clock.advance(Duration.ofMinutes(5000).plusSeconds(150));
    PlaybackSnapshot snapshot = player.snapshot();

    assertThat(snapshot.item()).isEqualTo(two);
    assertThat(snapshot.progressMs()).isEqualTo(30_000);
    assertThat(snapshot.changedAt()).isEqualTo(start.plus(Duration.ofMinutes(5002)));
  }

  @Test
  void pausedPlayerDoesNotAdvance() {
    player.setQueue(List.of(one, two));
    clock.advance(Duration.ofSeconds(10));
    player.pause();

    clock.advance(Duration.ofHours(1));

    assertThat(player.snapshot().item()).isEqualTo(one);
    assertThat(player.snapshot().progressMs()).isEqualTo(10_000);
  }

  @Test
  void previousWrapsAndStopThenPlayRestartsTheItem() {
    player.setQueue(List.of(one, two));

    assertThat(player.previous().item()).isEqualTo(two);
    clock.advance(Duration.ofSeconds(20));
    assertThat(player.stop().isIdle()).isTrue();
    clock.advance(Duration.ofMinutes(10));
    PlaybackSnapshot resumed = player.play();
    assertThat(resumed.item()).isEqualTo(two);
    assertThat(resumed.progressMs()).isZero();
    assertThat(resumed.isPlaying()).isTrue();
  }

  @Test
  void negativeSeekIsRefused() {
    player.setQueue(List.of(one));

    assertThatThrownBy(() -> player.seek(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void demoCatalogHasRealisticDurationsAndHardTitles() {
    for (PlayableItem item : DemoCatalog.all()) {
      if (item instanceof Track) {
        assertThat(item.durationMs()).isBetween(120_000L, 360_000L);
      } else {
        assertThat(item.durationMs()).isBetween(1_200_000L, 3_600_000L);
      }
    }
    assertThat(DemoCatalog.all()).anyMatch(item -> item.name().length() > 120);
    assertThat(DemoCatalog.all()).anyMatch(item -> item.name().matches(".*\\p{IsHiragana}.*"));
    assertThat(DemoCatalog.all()).anyMatch(item -> item instanceof Episode);
    assertThat(DemoCatalog.all().stream().map(PlayableItem::id).distinct())
        .hasSize(DemoCatalog.all().size());
  }
}
