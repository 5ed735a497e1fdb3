package dev.marquee.device.view;

/**
 * The part of a {@code state} message the device draws.
 *
 * @param version the state's opaque version, sent back on reconnect
 * @param options the configuration's widget options
 * @param status the shown source's account status
 * @param nowPlaying what plays, or {@code null} when the screen is idle
 */
public record FeedState(
    String version, WidgetOptions options, AccountStatus status, NowPlaying nowPlaying) {

  /** Whether nothing plays or is paused on any source. */
  public boolean idle() {
    return nowPlaying == null;
  }
}
