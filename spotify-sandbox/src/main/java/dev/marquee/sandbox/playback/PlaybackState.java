package dev.marquee.sandbox.playback;

/** What a user's player is doing. */
public enum PlaybackState {
  /** Progress advances with the clock. */
  PLAYING,
  /** An item is loaded but progress stands still ({@code is_playing: false}). */
  PAUSED,
  /** No active device: Spotify answers 204 No Content. */
  STOPPED
}
