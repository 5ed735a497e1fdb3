package dev.marquee.spotify.boundary;

import dev.marquee.spotify.entity.AccountStatus;
import dev.marquee.spotify.entity.SpotifyAccount;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A connected Spotify account as the console shows it: never a token.
 *
 * @param accessTokenExpiresAt {@code null} without tokens
 * @param lastRefreshAt {@code null} until the first refresh
 * @param authorizedAt when the user last authorized Marquee; {@code null} when never
 * @param reconnectBefore when the refresh token dies (six months after the authorization)
 * @param reconnectWarning whether to tell admins to reconnect soon
 * @param lastError what last went wrong, in words; {@code null} when nothing
 */
public record SpotifyAccountView(
    UUID id,
    UUID organizationId,
    String displayName,
    String spotifyUserId,
    AccountStatus status,
    Instant accessTokenExpiresAt,
    Instant lastRefreshAt,
    Instant authorizedAt,
    Instant reconnectBefore,
    boolean reconnectWarning,
    String lastError) {

  public SpotifyAccountView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(spotifyUserId, "spotifyUserId");
    Objects.requireNonNull(status, "status");
  }

  /** The view of an account at a moment (the warning depends on it). */
  public static SpotifyAccountView of(SpotifyAccount account, Instant now) {
    return new SpotifyAccountView(
        account.id(),
        account.organizationId(),
        account.displayName(),
        account.spotifyUserId(),
        account.status(),
        account.accessTokenExpiresAt().orElse(null),
        account.lastRefreshAt().orElse(null),
        account.authorizedAt().orElse(null),
        account.reconnectBefore().orElse(null),
        account.reconnectWarning(now),
        account.lastError().orElse(null));
  }
}
