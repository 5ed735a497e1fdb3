package dev.marquee.sandbox.playback;

import java.util.List;
import java.util.Objects;

/**
 * An album as shown in Spotify's SimplifiedAlbumObject; its cover art is generated from its id and
 * name.
 *
 * @param albumType {@code album}, {@code single} or {@code compilation}
 * @param releaseDate {@code yyyy-MM-dd}
 */
public record Album(
    String id,
    String name,
    List<Artist> artists,
    String albumType,
    String releaseDate,
    int totalTracks) {

  public Album {
    Objects.requireNonNull(id, "id");
    Artist.requireText(name, "album name");
    artists = List.copyOf(artists);
    if (artists.isEmpty()) {
      throw new IllegalArgumentException("an album needs at least one artist");
    }
    Objects.requireNonNull(albumType, "albumType");
    Objects.requireNonNull(releaseDate, "releaseDate");
    if (totalTracks < 1) {
      throw new IllegalArgumentException("totalTracks must be positive");
    }
  }

  /** An album whose id is derived from its name and first artist. */
  public static Album of(String name, List<Artist> artists, String releaseDate, int totalTracks) {
    String id = SpotifyIds.derive("album", artists.get(0).name() + '/' + name);
    String type = totalTracks == 1 ? "single" : "album";
    return new Album(id, name, artists, type, releaseDate, totalTracks);
  }
}
