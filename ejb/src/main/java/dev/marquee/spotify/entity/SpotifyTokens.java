package dev.marquee.spotify.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Spotify's token endpoint granted for a user: an access token, the refresh token to use next
 * time, when the access token expires and the scopes granted. {@link #toString()} never shows a
 * token.
 *
 * @param accessToken the bearer token for the Web API
 * @param refreshToken the refresh token to keep: the new one when Spotify rotated it, otherwise the
 *     one that was used
 * @param expiresAt when the access token stops working, computed from {@code expires_in} and the
 *     time the request was sent (so it is never later than Spotify's own expiry)
 * @param scopes the scopes Spotify reported; empty when the answer did not name them
 */
public record SpotifyTokens(
    String accessToken, String refreshToken, Instant expiresAt, Set<String> scopes) {

  public SpotifyTokens {
    requireValue(accessToken, "accessToken");
    requireValue(refreshToken, "refreshToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
  }

  @Override
  public String toString() {
    return "SpotifyTokens[accessToken=***, refreshToken=***, expiresAt="
        + expiresAt
        + ", scopes="
        + new TreeSet<>(scopes)
        + "]";
  }

  private static void requireValue(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
