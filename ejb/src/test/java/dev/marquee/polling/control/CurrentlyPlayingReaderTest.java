package dev.marquee.polling.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.polling.entity.Playback;
import dev.marquee.polling.entity.PlaybackKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurrentlyPlayingReaderTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static final String TRACK =
      """
      {"is_playing": true, "progress_ms": 120000, "currently_playing_type": "track",
       "item": {"type": "track", "id": "t1", "name": "Bohemian Rhapsody", "duration_ms": 354000,
         "artists": [{"name": "Queen"}, {"name": "Guest"}],
         "album": {"name": "A Night at the Opera", "images": [
           {"url": "https://i/640", "width": 640}, {"url": "https://i/64", "width": 64},
           {"url": "https://i/300", "width": 300}]}}}
      """;

  @Test
  void aTrackIsNormalizedWithTheLargestAndTheSmallestImage() {
    Playback playback = seen(CurrentlyPlayingReader.read(200, TRACK, null, NOW));
    assertThat(playback.kind()).isEqualTo(PlaybackKind.TRACK);
    assertThat(playback.playing()).isTrue();
    assertThat(playback.title()).isEqualTo("Bohemian Rhapsody");
    assertThat(playback.artists()).isEqualTo("Queen, Guest");
    assertThat(playback.album()).isEqualTo("A Night at the Opera");
    assertThat(playback.imageLarge()).isEqualTo("https://i/640");
    assertThat(playback.imageSmall()).isEqualTo("https://i/64");
    assertThat(playback.fetchedAt()).isEqualTo(NOW);
    assertThat(playback.widgetData())
        .containsEntry("duration_formatted", "5:54")
        .containsEntry("progress_formatted", "2:00")
        .containsEntry("progress_percent", "33.9%")
        .containsEntry("is_playing", true);
  }

  @Test
  void anEpisodeShowsItsShowAndFallsBackToTheShowsArt() {
    String episode =
        """
        {"is_playing": false, "progress_ms": 5000, "currently_playing_type": "episode",
         "item": {"type": "episode", "id": "e1", "name": "Ep 1", "duration_ms": 1620000,
           "images": [], "show": {"name": "The Show", "images": [{"url": "https://s/300"}]}}}
        """;
    Playback playback = seen(CurrentlyPlayingReader.read(200, episode, null, NOW));
    assertThat(playback.kind()).isEqualTo(PlaybackKind.EPISODE);
    assertThat(playback.artists()).isEqualTo("The Show");
    assertThat(playback.album()).isEqualTo("The Show");
    assertThat(playback.imageLarge()).isEqualTo("https://s/300");
    assertThat(playback.playing()).isFalse();
  }

  @Test
  void nothingPlayingIs204OrANullItem() {
    assertThat(seen(CurrentlyPlayingReader.read(204, "", null, NOW)).kind())
        .isEqualTo(PlaybackKind.NOTHING);
    assertThat(
            seen(CurrentlyPlayingReader.read(
                    200, "{\"is_playing\":false,\"item\":null}", null, NOW))
                .kind())
        .isEqualTo(PlaybackKind.NOTHING);
    assertThat(
            seen(CurrentlyPlayingReader.read(
                    200,
                    "{\"is_playing\":true,\"currently_playing_type\":\"ad\",\"item\":null}",
                    null,
                    NOW))
                .kind())
        .isEqualTo(PlaybackKind.AD);
  }

  @Test
  void oddFieldsNeverThrow() {
    Playback playback =
        seen(
            CurrentlyPlayingReader.read(
                200,
                "{\"is_playing\":true,\"item\":{\"type\":\"track\",\"name\":\"X\",\"duration_ms\":0}}",
                null,
                NOW));
    assertThat(playback.imageLarge()).isNull();
    assertThat(playback.durationMs()).isZero();
    assertThat(playback.widgetData()).containsEntry("progress_percent", "0%");
  }

  @Test
  void malformedJsonIsAFailureThatQuotesNothingOfTheBody() {
    PlayerAnswer answer = CurrentlyPlayingReader.read(200, "{\"secret-ish\": ", null, NOW);
    assertThat(answer).isInstanceOf(PlayerAnswer.Failed.class);
    assertThat(((PlayerAnswer.Failed) answer).reason())
        .contains("malformed")
        .doesNotContain("secret-ish");
  }

  @Test
  void a429TellsAQuotaFromAPlainRateLimitAndReadsRetryAfter() {
    PlayerAnswer quota =
        CurrentlyPlayingReader.read(
            429,
            "{\"error\":{\"status\":429,\"message\":\"x\",\"reason\":\"QUOTA_EXCEEDED\"}}",
            "3600",
            NOW);
    assertThat(quota)
        .isEqualTo(new PlayerAnswer.RateLimited(Optional.of(Duration.ofHours(1)), true));
    assertThat(CurrentlyPlayingReader.read(429, "Too many requests", "5", NOW))
        .isEqualTo(new PlayerAnswer.RateLimited(Optional.of(Duration.ofSeconds(5)), false));
    assertThat(CurrentlyPlayingReader.read(429, "", "soon", NOW))
        .isEqualTo(new PlayerAnswer.RateLimited(Optional.empty(), false));
  }

  @Test
  void otherStatusesAreFailuresOr401() {
    assertThat(CurrentlyPlayingReader.read(401, "", null, NOW))
        .isInstanceOf(PlayerAnswer.Unauthorized.class);
    assertThat(CurrentlyPlayingReader.read(503, "<html>", null, NOW))
        .isEqualTo(new PlayerAnswer.Failed("Spotify answered HTTP 503"));
    assertThat(CurrentlyPlayingReader.read(403, "", null, NOW))
        .isInstanceOf(PlayerAnswer.Failed.class);
  }

  private static Playback seen(PlayerAnswer answer) {
    assertThat(answer).isInstanceOf(PlayerAnswer.Seen.class);
    return ((PlayerAnswer.Seen) answer).playback();
  }
}
