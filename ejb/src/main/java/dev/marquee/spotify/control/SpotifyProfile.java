package dev.marquee.spotify.control;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a Spotify access token belongs to ({@code GET /v1/me}).
 *
 * @param id the Spotify user id, stable for the user
 * @param displayName what Spotify shows as the user's name; may be absent
 */
public record SpotifyProfile(String id, Optional<String> displayName) {

  public SpotifyProfile {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A Spotify user id must not be blank");
    }
    displayName = Objects.requireNonNull(displayName, "displayName").filter(n -> !n.isBlank());
  }
}
