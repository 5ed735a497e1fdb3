package dev.marquee.spotify.control;

/**
 * Spotify refused the app's client id and secret ({@code invalid_client}): the credentials
 * configured for this Spotify app are wrong or the app was deleted. Only an admin can fix it.
 */
public final class SpotifyClientRejectedException extends SpotifyAccountsException {

  private static final long serialVersionUID = 1L;

  SpotifyClientRejectedException(String message, int httpStatus, String spotifyError) {
    super(message, httpStatus, spotifyError, null);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
