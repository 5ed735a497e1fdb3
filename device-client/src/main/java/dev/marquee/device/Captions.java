package dev.marquee.device;

import dev.marquee.device.render.FrameRenderer;
import dev.marquee.device.view.FeedState;
import dev.marquee.device.view.NowPlaying;
import dev.marquee.device.view.ScreenView;
import java.time.Instant;
import java.util.Locale;

/**
 * One line saying what a frame shows, for the PNG output's metadata: what a person debugging a
 * screen remotely (or a test) reads without looking at the pixels. Never the token or the secret.
 */
final class Captions {
  private Captions() {}

  static String of(ScreenView view, Instant deviceNow) {
    if (view instanceof ScreenView.Pairing pairing) {
      return "pairing " + pairing.code() + " " + pairing.claimUrl();
    }
    if (view instanceof ScreenView.Starting starting) {
      return "starting: " + starting.message();
    }
    if (view instanceof ScreenView.Stopped stopped) {
      return "stopped: " + stopped.message();
    }
    return showing((ScreenView.Showing) view, deviceNow);
  }

  private static String showing(ScreenView.Showing showing, Instant deviceNow) {
    FeedState state = showing.state();
    String connection = showing.online() ? "online" : "offline";
    NowPlaying playing = state.nowPlaying();
    if (state.showsReconnect()) {
      return "reconnect needed [" + connection + ", " + state.status() + "] " + options(state);
    }
    if (playing == null) {
      return "idle "
          + state.options().idle()
          + " ["
          + connection
          + ", "
          + state.status()
          + "] "
          + options(state);
    }
    long progress = playing.progressAt(showing.serverTime(deviceNow));
    return (playing.playing() ? "playing" : "paused")
        + (playing.kind() == NowPlaying.Kind.TRACK
            ? ""
            : " " + playing.kind().name().toLowerCase(Locale.ROOT))
        + " \""
        + playing.title()
        + "\" by "
        + playing.artist()
        + " "
        + (playing.durationKnown() ? FrameRenderer.formattedTime(progress) : "-:--")
        + " ["
        + connection
        + ", "
        + state.status()
        + "] "
        + options(state)
        + " version "
        + state.version();
  }

  /** {@code theme GRADIENT, progress shown}: the options the frame was drawn with. */
  private static String options(FeedState state) {
    return "theme "
        + state.options().theme()
        + ", progress "
        + (state.options().showProgress() ? "shown" : "hidden");
  }
}
