package dev.marquee.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.device.view.AccountStatus;
import dev.marquee.device.view.FeedState;
import dev.marquee.device.view.IdleMode;
import dev.marquee.device.view.NowPlaying;
import dev.marquee.device.view.ScreenView;
import dev.marquee.device.view.Theme;
import dev.marquee.device.view.WidgetOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaptionsTest {
  private static final Instant FETCHED = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aPlayingFrameSaysTrackTimeConnectionOptionsAndVersion() {
    NowPlaying playing =
        new NowPlaying(
            NowPlaying.Kind.TRACK, "Song", "Artist", "Album", "", 215_000, 73_000, true, FETCHED);
    FeedState state =
        new FeedState(
            "v7",
            new WidgetOptions(Theme.LIGHT, false, IdleMode.CLOCK),
            AccountStatus.STALE,
            playing);
    // The server's clock is 5 s ahead: 73 s + 10 s + 5 s.
    ScreenView view = new ScreenView.Showing(state, playing, false, Duration.ofSeconds(5));

    assertThat(Captions.of(view, FETCHED.plusSeconds(10)))
        .isEqualTo(
            "playing \"Song\" by Artist 1:28 [offline, STALE] theme LIGHT, progress hidden version v7");
  }

  @Test
  void anAdSaysSoAndHasNoTime() {
    NowPlaying ad = new NowPlaying(NowPlaying.Kind.AD, "", "", "", "", 0, 5_000, true, FETCHED);
    FeedState state =
        new FeedState(
            "v8", new WidgetOptions(Theme.DARK, true, IdleMode.CLOCK), AccountStatus.LIVE, ad);
    ScreenView view = new ScreenView.Showing(state, ad, true, Duration.ZERO);

    assertThat(Captions.of(view, FETCHED.plusSeconds(10)))
        .isEqualTo("playing ad \"\" by  -:-- [online, LIVE] theme DARK, progress shown version v8");
  }

  @Test
  void pairingSaysTheCodeAndTheLinkButNeverTheSecret() {
    assertThat(
            Captions.of(
                new ScreenView.Pairing("K7QX-M4PD", "http://h/claim?code=K7QX-M4PD"), FETCHED))
        .isEqualTo("pairing K7QX-M4PD http://h/claim?code=K7QX-M4PD");
  }

  @Test
  void anIdleScreenWhoseAccountNeedsReconnectingSaysSo() {
    FeedState state =
        new FeedState(
            "v9",
            new WidgetOptions(Theme.DARK, true, IdleMode.PLACEHOLDER),
            AccountStatus.NEEDS_RECONNECT,
            null);
    ScreenView view = new ScreenView.Showing(state, null, true, Duration.ZERO);

    assertThat(Captions.of(view, FETCHED))
        .isEqualTo("reconnect needed [online, NEEDS_RECONNECT] theme DARK, progress shown");
  }
}
