package dev.marquee.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.device.view.NowPlaying;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the device reads a state's data: the kind, and the bounds every screen holds. */
class StateMessagesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant FETCHED = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aDurationTheServerCallsUnknownOrOutsideADayShowsNoProgress() throws Exception {
    for (String fields :
        new String[] {
          "\"duration_known\":false,\"duration_ms\":215000,\"progress_ms\":1000",
          "\"duration_ms\":9200000000000000000,\"progress_ms\":100000000000000000000",
          "\"duration_ms\":86400001,\"progress_ms\":5",
          "\"duration_ms\":1e20,\"progress_ms\":1e20",
          "\"duration_ms\":-5,\"progress_ms\":31478771"
        }) {
      NowPlaying playing = read("track", fields);
      assertThat(playing.durationKnown()).as(fields).isFalse();
      assertThat(playing.progressAt(FETCHED.plusSeconds(60))).as(fields).isZero();
    }
  }

  @Test
  void progressStaysWithinAKnownDuration() throws Exception {
    NowPlaying past = read("track", "\"duration_ms\":215000,\"progress_ms\":31478771");
    assertThat(past.progressAt(FETCHED)).isEqualTo(215_000);
    NowPlaying huge = read("track", "\"duration_ms\":86400000,\"progress_ms\":1e20");
    assertThat(huge.progressAt(FETCHED.plusSeconds(5))).isEqualTo(86_400_000);
    NowPlaying far = read("track", "\"duration_ms\":215000,\"progress_ms\":0");
    assertThat(far.progressAt(Instant.parse("+1000000-01-01T00:00:00Z"))).isEqualTo(215_000);
  }

  @Test
  void anAccountThatNeedsReconnectingIsReadFromTheStatusOrAnySource() throws Exception {
    String idle =
        "{\"version\":\"v\",\"idle\":true,\"data\":null,\"status\":\"%s\","
            + "\"sources\":[{\"status\":\"LIVE\"},{\"status\":\"%s\"}]}";
    assertThat(readState(String.format(idle, "NEEDS_RECONNECT", "LIVE")).showsReconnect()).isTrue();
    assertThat(readState(String.format(idle, "LIVE", "NEEDS_RECONNECT")).showsReconnect()).isTrue();
    assertThat(readState(String.format(idle, "LIVE", "STALE")).showsReconnect()).isFalse();
    // From an older server without sources: the status alone.
    assertThat(
            readState("{\"version\":\"v\",\"idle\":true,\"status\":\"NEEDS_RECONNECT\"}")
                .reconnectNeeded())
        .isTrue();
  }

  private static dev.marquee.device.view.FeedState readState(String json) throws Exception {
    return StateMessages.read(MAPPER.readTree(json));
  }

  @Test
  void theKindIsReadAndAnUnknownNameIsUnknown() throws Exception {
    String times = "\"duration_ms\":0,\"progress_ms\":0";
    assertThat(read("ad", times).kind()).isEqualTo(NowPlaying.Kind.AD);
    assertThat(read("unknown", times).kind()).isEqualTo(NowPlaying.Kind.UNKNOWN);
    assertThat(read("audiobook", times).kind()).isEqualTo(NowPlaying.Kind.UNKNOWN);
    assertThat(read("episode", times).kind()).isEqualTo(NowPlaying.Kind.EPISODE);
    assertThat(read("", times).kind()).isEqualTo(NowPlaying.Kind.TRACK);
  }

  private static NowPlaying read(String kind, String times) throws Exception {
    String state =
        "{\"type\":\"state\",\"version\":\"v\",\"idle\":false,\"status\":\"LIVE\",\"options\":{},"
            + "\"data\":{\"kind\":\""
            + kind
            + "\",\"track_name\":\"\",\"artist_name\":\"\",\"album_name\":\"\","
            + "\"album_art_url\":\"\",\"is_playing\":true,\"fetched_at\":\""
            + FETCHED
            + "\","
            + times
            + "}}";
    return StateMessages.read(MAPPER.readTree(state)).nowPlaying();
  }
}
