package dev.marquee.sandbox.playback;

import java.util.Objects;

/** A performer, as shown in Spotify's SimplifiedArtistObject. */
public record Artist(String id, String name) {

  public Artist {
    Objects.requireNonNull(id, "id");
    requireText(name, "artist name");
  }

  public static Artist named(String name) {
    return new Artist(SpotifyIds.derive("artist", name), name);
  }

  static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}
