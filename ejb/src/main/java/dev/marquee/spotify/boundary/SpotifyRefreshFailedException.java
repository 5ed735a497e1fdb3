package dev.marquee.spotify.boundary;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

/**
 * The refresh failed for a reason that is not the account's: Spotify refused the app's client id
 * and secret, or answered unexpectedly. The account keeps its status and tokens; its last error
 * (committed, {@code rollback = false}) tells admins what to fix.
 */
@ApplicationException(rollback = false)
public final class SpotifyRefreshFailedException extends SpotifyTokenException {

  private static final long serialVersionUID = 1L;

  public SpotifyRefreshFailedException(UUID accountId, String message) {
    super(accountId, message);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
