package dev.marquee.polling.entity;

/** What an account is playing. Stored by name: never rename a constant. */
public enum PlaybackKind {
  /** A music track: title, artists, album, album art. */
  TRACK,
  /** A podcast episode: title, show (in place of artists and album), episode art. */
  EPISODE,
  /** An advertisement: Spotify names nothing, screens show a neutral card. */
  AD,
  /** Something Spotify plays that Marquee does not know yet; shown without details. */
  UNKNOWN,
  /** Nothing is playing (204, or no item). */
  NOTHING
}
