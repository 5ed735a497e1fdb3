package dev.marquee.spotify.control;

import java.time.Duration;
import java.util.Optional;

/**
 * Spotify's Web API did not answer as asked. {@link #kind()} says what to do about it; the message
 * is in words for admins and operators and never contains a token.
 */
public final class SpotifyWebApiException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong, by what the caller can do about it. */
  public enum Kind {
    /** 401: the access token is not (or no longer) valid. */
    UNAUTHORIZED,
    /**
     * 403: the token is valid but Spotify refuses this user or scope, e.g. a user not added to a
     * development-mode app.
     */
    FORBIDDEN,
    /** No usable answer: no connection, a timeout, 5xx, 429 or unreadable JSON. Retry later. */
    UNAVAILABLE,
    /** Any other answer. */
    UNEXPECTED
  }

  private final Kind kind;
  private final int httpStatus;
  private final transient Duration retryAfter;

  SpotifyWebApiException(Kind kind, String message, int httpStatus, Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int httpStatus() {
    return httpStatus;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean isRetryable() {
    return kind == Kind.UNAVAILABLE;
  }
}
