package dev.marquee.spotify.control;

import java.time.Duration;
import java.util.Optional;

/**
 * No usable answer from Spotify's accounts service: no connection, a timeout, a 5xx or 429, or an
 * answer that could not be read. Retry later, with backoff.
 */
public final class SpotifyUnavailableException extends SpotifyAccountsException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final Duration retryAfter;

  SpotifyUnavailableException(String reason, int httpStatus, Duration retryAfter, Throwable cause) {
    super(
        "Spotify's accounts service is unavailable: " + reason + ". Try again later.",
        httpStatus,
        null,
        cause);
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  /** What went wrong, in a few words: e.g. "no answer within 5 s". */
  public String reason() {
    return reason;
  }

  /** How long Spotify asked to wait ({@code Retry-After}), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
