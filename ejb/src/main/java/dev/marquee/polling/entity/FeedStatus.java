package dev.marquee.polling.entity;

/** How far screens can trust an account's now-playing state. Stored by name. */
public enum FeedStatus {
  /** Polled recently and successfully. */
  LIVE,
  /** Spotify has not answered for a while: the last state stays, marked as old. */
  STALE,
  /** Spotify refused the refresh token: an admin must reconnect the account. */
  NEEDS_RECONNECT
}
