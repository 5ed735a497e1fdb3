package dev.marquee.polling.control;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When to ask Spotify next about one account, the bookkeeping to store, and why.
 *
 * <p>The reason travels with the time so that logs and the console can explain a schedule ("backing
 * off: Spotify asked us to wait") without re-deriving the policy.
 *
 * @param nextPollAt when to call next; empty when the account must not be polled again until an
 *     admin reconnects it
 * @param state the bookkeeping to store with the account
 * @param reason which rule chose the time
 */
public record Decision(Optional<Instant> nextPollAt, ScheduleState state, Reason reason) {

  public Decision {
    Objects.requireNonNull(nextPollAt, "nextPollAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
  }

  /** Which rule chose the next poll time. */
  public enum Reason {
    /** Playing, and the track will not end before the base interval. */
    PLAYING_BASE_INTERVAL(false),
    /** Playing, and the track should end first: ask just after it does. */
    PLAYING_TRACK_END(false),
    /** Paused or nothing playing: ask less and less often. */
    IDLE_BACKOFF(false),
    /** No usable answer (or a 429 without a usable Retry-After): exponential back-off. */
    ERROR_BACKOFF(true),
    /** A 429: wait exactly as long as Spotify asked. */
    RETRY_AFTER(true),
    /** A 429 asking for longer than we are willing to go dark: the capped wait. */
    RETRY_AFTER_CAPPED(true),
    /** A quota 429: the caller pauses every account of the Spotify app until this time. */
    QUOTA_PAUSE(true),
    /** The refresh token is dead: no more polls until the account is reconnected. */
    NEEDS_RECONNECT(true);

    private final boolean holdsOffWatchers;

    Reason(boolean holdsOffWatchers) {
      this.holdsOffWatchers = holdsOffWatchers;
    }

    /**
     * Whether a screen coming online must not bring this schedule forward: the time was chosen to
     * protect Spotify (or the app's quota), not for freshness, so a new viewer is no reason to
     * break it.
     */
    public boolean holdsOffWatchers() {
      return holdsOffWatchers;
    }
  }
}
