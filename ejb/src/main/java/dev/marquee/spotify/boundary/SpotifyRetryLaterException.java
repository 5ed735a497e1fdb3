package dev.marquee.spotify.boundary;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Spotify's accounts service gave no usable answer (no connection, timeout, 5xx, 429): the account
 * is unchanged; ask again later, with backoff.
 */
@ApplicationException(rollback = true)
public final class SpotifyRetryLaterException extends SpotifyTokenException {

  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public SpotifyRetryLaterException(UUID accountId, String message, Duration retryAfter) {
    super(accountId, message);
    this.retryAfter = retryAfter;
  }

  /** How long Spotify asked to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
