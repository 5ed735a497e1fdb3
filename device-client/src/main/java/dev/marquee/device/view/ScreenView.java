package dev.marquee.device.view;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything one frame shows, as an immutable value: the session publishes a new view on every
 * change and the renderer draws the newest one, with the time moving in between.
 */
public sealed interface ScreenView {

  /** Before anything else is known: connecting, or waiting for a pairing code. */
  record Starting(String message) implements ScreenView {}

  /**
   * A pairing code waits to be claimed.
   *
   * @param code the code as shown, {@code K7QX-M4PD}
   * @param claimUrl the console link its QR code carries
   */
  record Pairing(String code, String claimUrl) implements ScreenView {}

  /**
   * The feed: the last state, and whether the connection that brought it is still up.
   *
   * @param state the newest state
   * @param lastTrack the last track shown, kept for the {@code last-track-dimmed} idle option; may
   *     be {@code null}
   * @param online whether the feed is connected (else the state is the last one before it went)
   * @param clockOffset the server's clock minus this device's
   */
  record Showing(FeedState state, NowPlaying lastTrack, boolean online, Duration clockOffset)
      implements ScreenView {

    /** The server's time now, for interpolating progress. */
    public Instant serverTime(Instant deviceNow) {
      return deviceNow.plus(clockOffset);
    }

    /** The same, disconnected. */
    public Showing offline() {
      return new Showing(state, lastTrack, false, clockOffset);
    }
  }

  /**
   * The client stopped on purpose and will not reconnect by itself (another device took its token,
   * or the server refused what it sent).
   */
  record Stopped(String message) implements ScreenView {}
}
