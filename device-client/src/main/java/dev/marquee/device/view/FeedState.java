package dev.marquee.device.view;

/**
 * The part of a {@code state} message the device draws.
 *
 * @param version the state's opaque version, sent back on reconnect
 * @param options the configuration's widget options
 * @param status the shown source's account status
 * @param nowPlaying what plays, or {@code null} when the screen is idle
 * @param reconnectNeeded whether any of the configuration's accounts needs reconnecting (the shown
 *     source's status or any of the state's {@code sources}): an idle screen then says so in place
 *     of its idle option, since nothing can be known of what that account plays
 */
public record FeedState(
    String version,
    WidgetOptions options,
    AccountStatus status,
    NowPlaying nowPlaying,
    boolean reconnectNeeded) {

  /** A state whose only account status is the shown source's. */
  public FeedState(
      String version, WidgetOptions options, AccountStatus status, NowPlaying nowPlaying) {
    this(version, options, status, nowPlaying, status == AccountStatus.NEEDS_RECONNECT);
  }

  /** Whether nothing plays or is paused on any source. */
  public boolean idle() {
    return nowPlaying == null;
  }

  /** Whether the screen shows the full "needs to be reconnected" message instead of idling. */
  public boolean showsReconnect() {
    return idle() && reconnectNeeded;
  }
}
