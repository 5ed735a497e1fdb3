package dev.marquee.spotify.boundary;

import java.util.UUID;

/**
 * No access token for a Spotify account right now. The subclass says whether to retry ({@link
 * SpotifyRetryLaterException}) or to wait for an admin ({@link SpotifyReconnectNeededException},
 * {@link SpotifyNotConnectedException}, {@link SpotifyRefreshFailedException}). Messages are in
 * words and never contain a token or secret.
 */
public abstract sealed class SpotifyTokenException extends RuntimeException
    permits SpotifyReconnectNeededException,
        SpotifyNotConnectedException,
        SpotifyRetryLaterException,
        SpotifyRefreshFailedException {

  private static final long serialVersionUID = 1L;

  private final UUID accountId;

  SpotifyTokenException(UUID accountId, String message) {
    super(message);
    this.accountId = accountId;
  }

  public UUID accountId() {
    return accountId;
  }

  /** Whether asking again later may give a token without anyone doing anything. */
  public abstract boolean isRetryable();
}
