package dev.marquee.spotify.control;

import java.util.Optional;

/**
 * Spotify's accounts service did not give Marquee what it asked for. The subclass says what to do
 * about it; the message is one or two sentences for operators and admins and never contains a
 * token, authorization code, code verifier or client secret.
 */
public abstract sealed class SpotifyAccountsException extends Exception
    permits SpotifyGrantRejectedException,
        SpotifyClientRejectedException,
        SpotifyUnavailableException,
        SpotifyProtocolException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String spotifyError;

  SpotifyAccountsException(String message, int httpStatus, String spotifyError, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.spotifyError = spotifyError;
  }

  /** Whether the same request may succeed later without anyone changing anything. */
  public abstract boolean isRetryable();

  /** The HTTP status Spotify answered with, or 0 when there was no answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The OAuth error code Spotify sent, e.g. {@code invalid_grant}. */
  public Optional<String> spotifyError() {
    return Optional.ofNullable(spotifyError);
  }
}
