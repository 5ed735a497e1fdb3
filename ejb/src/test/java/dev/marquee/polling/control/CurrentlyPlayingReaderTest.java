package dev.marquee.polling.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.polling.entity.Playback;
import dev.marquee.polling.entity.PlaybackKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
  void anEpisodeShowsItsShowOnceAndItsPublisherAndFallsBackToTheShowsArt() {
    String episode =
        """
        {"is_playing": false, "progress_ms": 5000, "currently_playing_type": "episode",
         "item": {"type": "episode", "id": "e1", "name": "Ep 1", "duration_ms": 1620000,
           "images": [], "show": {"name": "The Show", "publisher": "Pod Co",
             "images": [{"url": "https://s/300"}]}}}
        """;
    Playback playback = seen(CurrentlyPlayingReader.read(200, episode, null, NOW));
    assertThat(playback.kind()).isEqualTo(PlaybackKind.EPISODE);
    assertThat(playback.artists()).isEqualTo("The Show");
    assertThat(playback.imageLarge()).isEqualTo("https://s/300");
    assertThat(playback.playing()).isFalse();
    assertThat(playback.widgetData())
        .containsEntry("artist_name", "The Show")
        .containsEntry("album_name", "Pod Co")
        .containsEntry("publisher", "Pod Co");
  }

  @Test
  void anEpisodeWithoutAPublisherOrWithTheShowAsPublisherNamesTheShowOnce() {
    for (String show :
        List.of(
            "{\"name\": \"The Show\"}",
            "{\"name\": \"The Show\", \"publisher\": \"\"}",
            "{\"name\": \"The Show\", \"publisher\": \" The Show\\u202e\"}")) {
      String episode =
          "{\"is_playing\": true, \"currently_playing_type\": \"episode\", \"item\":"
              + " {\"type\": \"episode\", \"name\": \"Ep\", \"duration_ms\": 1000, \"show\": "
              + show
              + "}}";
      Map<String, Object> data =
          seen(CurrentlyPlayingReader.read(200, episode, null, NOW)).widgetData();
      assertThat(data).as(show).containsEntry("artist_name", "The Show");
      assertThat(data).as(show).containsEntry("album_name", "").containsEntry("publisher", "");
    }
  }

  @Test
  void imageLinksThatAreNotHttpOrHttpsNeverReachAScreen() {
    String track =
        """
        {"is_playing": true, "progress_ms": 1, "currently_playing_type": "track",
         "item": {"type": "track", "name": "X", "duration_ms": 1000, "album": {"name": "A",
           "images": [{"url": "sint anim", "width": 900}, {"url": "javascript:alert(1)", "width": 800},
             {"url": "data:text/html,<script>x</script>", "width": 700},
             {"url": "HTTPS://i.scdn.co/image/ok", "width": 300},
             {"url": "//i.scdn.co/no-scheme", "width": 200}, {"url": "https:///no-host", "width": 100},
             {"url": "ftp://i/x", "width": 64}]}}}
        """;
    Playback playback = seen(CurrentlyPlayingReader.read(200, track, null, NOW));
    assertThat(playback.imageLarge()).isEqualTo("HTTPS://i.scdn.co/image/ok");
    assertThat(playback.imageSmall()).isEqualTo("HTTPS://i.scdn.co/image/ok");

    String onlyBad = track.replace("HTTPS://i.scdn.co/image/ok", "mailto:x@y");
    Map<String, Object> data =
        seen(CurrentlyPlayingReader.read(200, onlyBad, null, NOW)).widgetData();
    assertThat(data).containsEntry("album_art_url", "").containsEntry("album_art_small_url", "");
  }

  @Test
  void aDurationOutsideADayIsUnknownAndProgressIsClampedToTheDuration() {
    // A progress past a known duration stops at the end (31,478,771 ms was shown as 8:44:38).
    Map<String, Object> past = data(31_478_771L + "", "215000");
    assertThat(past)
        .containsEntry("duration_known", true)
        .containsEntry("progress_ms", 215000L)
        .containsEntry("progress_formatted", "3:35")
        .containsEntry("progress_percent", "100.0%");
    // Unknown durations (negative, absent, 0, 9.2e18, Long.MAX, 1e20) show no progress at all.
    for (String duration : List.of("-5", "null", "0", "9.2e18", "9223372036854775807", "1e20")) {
      for (String progress : List.of("31478771", "1e20", "100000000000000000000", "-1")) {
        Map<String, Object> unknown = data(progress, duration);
        assertThat(unknown)
            .as(duration + "/" + progress)
            .containsEntry("duration_known", false)
            .containsEntry("duration_ms", 0L)
            .containsEntry("duration_formatted", "")
            .containsEntry("progress_ms", 0L)
            .containsEntry("progress_formatted", "");
      }
    }
    // A day is the longest duration shown; a progress of 1e20 is the end, not a wrapped number.
    assertThat(data("1e20", "86400000"))
        .containsEntry("duration_formatted", "24:00:00")
        .containsEntry("progress_formatted", "24:00:00");
    assertThat(data("100000000000000000000", "86400000")).containsEntry("progress_ms", 86_400_000L);
    assertThat(data("5", "86400001")).containsEntry("duration_known", false);
    Playback ending = seen(CurrentlyPlayingReader.read(200, answer("1e20", "86400000"), null, NOW));
    assertThat(ending.expectedProgressAt(NOW.plus(Duration.ofDays(3650)))).isEqualTo(86_400_000L);
  }

  @Test
  void controlAndBidiOverrideCharactersAreStrippedFromNamesAndRightToLeftTextIsKept() {
    String track =
        """
        {"is_playing": true, "currently_playing_type": "track",
         "item": {"type": "track", "name": "Evil\\u0000\\u202Egnp.exe\\u2066x\\u2069\\u200B",
           "duration_ms": 1000, "artists": [{"name": "\\u200F\\u05E9\\u05DC\\u05D5\\u05DD\\u200E"},
             {"name": "\\u0000\\u202D"}, {"name": "\\u0645\\u0631\\u062D\\u0628\\u0627"}],
           "album": {"name": "\\u0645\\u06CC\\u200C\\u062E\\u0648\\u0627\\u0647\\u0645 \\uD83D\\uDC68\\u200D\\uD83D\\uDC69"}}}
        """;
    Playback playback = seen(CurrentlyPlayingReader.read(200, track, null, NOW));
    assertThat(playback.title()).isEqualTo("Evilgnp.exex");
    assertThat(playback.artists())
        .isEqualTo("\u200F\u05E9\u05DC\u05D5\u05DD\u200E, \u0645\u0631\u062D\u0628\u0627");
    assertThat(playback.album())
        .isEqualTo(
            "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \uD83D\uDC68\u200D\uD83D\uDC69");
  }

  @Test
  void anAnswerWithNumbersAsStringsIsAnUnexpectedAnswerNamingTheField() {
    PlayerAnswer progress =
        CurrentlyPlayingReader.read(
            200, "{\"is_playing\": true, \"progress_ms\": \"1000\", \"item\": null}", null, NOW);
    assertThat(((PlayerAnswer.Failed) progress).reason())
        .contains("unexpected answer")
        .contains("\"progress_ms\" is not a number")
        .doesNotContain("malformed")
        .doesNotContain("1000");
    PlayerAnswer duration = CurrentlyPlayingReader.read(200, answer("1", "\"215000\""), null, NOW);
    assertThat(((PlayerAnswer.Failed) duration).reason())
        .contains("unexpected answer")
        .contains("\"item.duration_ms\"")
        .doesNotContain("malformed");
    PlayerAnswer playing =
        CurrentlyPlayingReader.read(200, "{\"is_playing\": \"true\"}", null, NOW);
    assertThat(((PlayerAnswer.Failed) playing).reason())
        .contains("unexpected answer")
        .contains("\"is_playing\"");
  }

  @Test
  void anAdOrAnUnknownItemHasItsKindAndNoProgress() {
    Map<String, Object> ad =
        seen(CurrentlyPlayingReader.read(
                200,
                "{\"is_playing\":true,\"progress_ms\":4000,\"currently_playing_type\":\"ad\",\"item\":null}",
                null,
                NOW))
            .widgetData();
    assertThat(ad)
        .containsEntry("kind", "ad")
        .containsEntry("track_name", "")
        .containsEntry("duration_known", false)
        .containsEntry("progress_formatted", "")
        .containsEntry("duration_formatted", "");
    Map<String, Object> unknown =
        seen(CurrentlyPlayingReader.read(
                200,
                "{\"is_playing\":true,\"currently_playing_type\":\"unknown\",\"item\":null}",
                null,
                NOW))
            .widgetData();
    assertThat(unknown).containsEntry("kind", "unknown").containsEntry("duration_known", false);
  }

  private static String answer(String progress, String duration) {
    return "{\"is_playing\": true, \"progress_ms\": "
        + progress
        + ", \"currently_playing_type\": \"track\", \"item\": {\"type\": \"track\","
        + " \"name\": \"X\", \"duration_ms\": "
        + duration
        + "}}";
  }

  private static Map<String, Object> data(String progress, String duration) {
    return seen(CurrentlyPlayingReader.read(200, answer(progress, duration), null, NOW))
        .widgetData();
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
    assertThat(playback.widgetData())
        .containsEntry("progress_percent", "0%")
        .containsEntry("duration_known", false);
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
