package dev.marquee.spotify.boundary;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

/** The account was disconnected by an admin: it has no tokens and Spotify is not asked. */
@ApplicationException(rollback = true)
public final class SpotifyNotConnectedException extends SpotifyTokenException {

  private static final long serialVersionUID = 1L;

  public SpotifyNotConnectedException(UUID accountId) {
    super(accountId, "This Spotify account was disconnected; connect it again to use it.");
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
