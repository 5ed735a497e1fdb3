package dev.marquee.polling.control;

import java.time.Duration;
import java.util.Objects;

/**
 * What one call to {@code GET /v1/me/player/currently-playing} gave, reduced to what scheduling
 * needs.
 *
 * <p>The poller's HTTP client turns every answer (and every way of not getting one) into exactly
 * one of these, so that {@link PollPolicy} can decide without knowing about HTTP, JSON or tokens.
 * Track names, images and the like do not matter for <em>when</em> to ask again and are not here.
 */
public sealed interface PollResult {

  /**
   * Something is playing ({@code is_playing} true). The position lets the policy ask again just
   * after the track should end, which is how natural track changes reach screens within about a
   * second without polling every second.
   *
   * @param progressMs {@code progress_ms} as Spotify reported it
   * @param durationMs the item's {@code duration_ms}; 0 when unknown (some episodes and local files
   *     report none), in which case the policy falls back to the base interval
   */
  record Playing(long progressMs, long durationMs) implements PollResult {}

  /** An item is loaded but not playing: the listener may resume soon, or never. */
  record Paused() implements PollResult {}

  /** A 204, or a 200 with no item and nothing playing: the account is idle. */
  record NothingPlaying() implements PollResult {}

  /**
   * A 429. Spotify counts calls per app in a rolling window, so the wait it asks for is a promise
   * we keep for the sake of every other account of the same app.
   *
   * @param retryAfter the {@code Retry-After} header; {@code null} when absent or unparseable (a
   *     negative value is no answer either and becomes {@code null})
   * @param quotaExceeded the body said {@code "reason": "QUOTA_EXCEEDED"}: the app as a whole is
   *     out of quota, not just this account
   */
  record RateLimited(Duration retryAfter, boolean quotaExceeded) implements PollResult {
    public RateLimited {
      if (retryAfter != null && retryAfter.isNegative()) {
        retryAfter = null;
      }
    }
  }

  /**
   * No usable answer: a 5xx, a timeout, a connection error or a body that is not what Spotify
   * documents. Screens keep the last state; the policy backs off so an outage is not made worse.
   *
   * @param reason for logs only (never shown to screens); {@code null} becomes {@code
   *     "unspecified"} so a missing exception message cannot break the poller
   */
  record Failed(String reason) implements PollResult {
    public Failed {
      reason = Objects.requireNonNullElse(reason, "unspecified");
    }
  }

  /**
   * The refresh token was refused with {@code invalid_grant}: no call can succeed until an admin
   * reconnects the account, so polling stops rather than burning quota on certain failures.
   */
  record NeedsReconnect() implements PollResult {}
}
