package dev.marquee.spotify.control;

/**
 * Spotify refused the grant ({@code invalid_grant}): the authorization code is wrong, used,
 * expired, issued for another redirect URI or does not match the code verifier; or the refresh
 * token was revoked or expired. After a failed refresh the account must be reconnected; retrying
 * does not help.
 */
public final class SpotifyGrantRejectedException extends SpotifyAccountsException {

  private static final long serialVersionUID = 1L;

  SpotifyGrantRejectedException(String message, int httpStatus, String spotifyError) {
    super(message, httpStatus, spotifyError, null);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
