package dev.marquee.device;

import dev.marquee.device.render.FrameRenderer;
import dev.marquee.device.view.FeedState;
import dev.marquee.device.view.NowPlaying;
import dev.marquee.device.view.ScreenView;
import java.time.Instant;

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
    ScreenView.Showing showing = (ScreenView.Showing) view;
    FeedState state = showing.state();
    String connection = showing.online() ? "online" : "offline";
    NowPlaying playing = state.nowPlaying();
    if (playing == null) {
      return "idle " + state.options().idle() + " [" + connection + ", " + state.status() + "]";
    }
    long progress = playing.progressAt(showing.serverTime(deviceNow));
    return (playing.playing() ? "playing" : "paused")
        + (playing.episode() ? " episode" : "")
        + " \""
        + playing.title()
        + "\" by "
        + playing.artist()
        + " "
        + FrameRenderer.formattedTime(progress)
        + " ["
        + connection
        + ", "
        + state.status()
        + "] version "
        + state.version();
  }
}
