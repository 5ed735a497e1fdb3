package dev.marquee.spotify.boundary;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

/**
 * Spotify refused the account's refresh token (revoked, or six months after the authorization), or
 * the account already needs a reconnect: an admin must connect it again. The status change is
 * committed even though this is thrown ({@code rollback = false}).
 */
@ApplicationException(rollback = false)
public final class SpotifyReconnectNeededException extends SpotifyTokenException {

  private static final long serialVersionUID = 1L;

  public SpotifyReconnectNeededException(UUID accountId, String message) {
    super(accountId, message);
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
