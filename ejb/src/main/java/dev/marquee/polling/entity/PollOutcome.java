package dev.marquee.polling.entity;

/** How an account's last poll went, for the console and the status gauge. Stored by name. */
public enum PollOutcome {
  PLAYING,
  PAUSED,
  IDLE,
  FAILED,
  RATE_LIMITED,
  QUOTA_EXCEEDED,
  NEEDS_RECONNECT,
  /** No call was made: the app's call budget was spent; the poll was moved later. */
  DEFERRED
}
