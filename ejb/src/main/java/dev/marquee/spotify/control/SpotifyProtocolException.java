package dev.marquee.spotify.control;

/**
 * Spotify answered, but not in a way Marquee expects (e.g. {@code invalid_request}, {@code
 * unsupported_grant_type}, a redirect, a success without a refresh token). A bug or a change on one
 * side; retrying the same request does not help.
 */
public final class SpotifyProtocolException extends SpotifyAccountsException {

  private static final long serialVersionUID = 1L;

  SpotifyProtocolException(String message, int httpStatus, String spotifyError) {
    super(message, httpStatus, spotifyError, null);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
