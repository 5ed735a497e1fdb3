package dev.marquee.bench.frugality;

/**
 * A change of Spotify's true state that a screen should show.
 *
 * @param atMs when it happened, in milliseconds since the start of the traced day
 * @param type what changed
 */
public record TraceEvent(long atMs, Type type) {

  /** The kinds of change the benchmark measures. */
  public enum Type {
    /** A track played to its end and the next one started. */
    NATURAL_CHANGE,
    /** The listener skipped to the next track before the end. */
    SKIP,
    /** Playback started after nothing was playing. */
    START,
    /** Playback paused (mid-session, or the listener stopping for the day). */
    PAUSE,
    /** A paused track resumed. */
    RESUME,
    /** The position jumped within the same track. */
    SEEK
  }
}
