package dev.marquee.sandbox.playback;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A music track, rendered as Spotify's TrackObject. */
public record Track(
    String id,
    String name,
    List<Artist> artists,
    Album album,
    long durationMs,
    int trackNumber,
    boolean explicit,
    int popularity,
    String isrc)
    implements PlayableItem {

  public Track {
    Objects.requireNonNull(id, "id");
    Artist.requireText(name, "track name");
    artists = List.copyOf(artists);
    if (artists.isEmpty()) {
      throw new IllegalArgumentException("a track needs at least one artist");
    }
    Objects.requireNonNull(album, "album");
    if (durationMs <= 0) {
      throw new IllegalArgumentException("durationMs must be positive");
    }
    if (popularity < 0 || popularity > 100) {
      throw new IllegalArgumentException("popularity must be between 0 and 100");
    }
    Objects.requireNonNull(isrc, "isrc");
  }

  /**
   * A track on a single-artist album, with ids derived from the names.
   *
   * @param releaseDate {@code yyyy-MM-dd}
   */
  public static Track of(
      String name, String artistName, String albumName, String releaseDate, Duration duration) {
    List<Artist> artists = List.of(Artist.named(artistName));
    return of(name, artists, Album.of(albumName, artists, releaseDate, 10), 1, duration, false);
  }

  /** A track with ids derived from its name and album. */
  public static Track of(
      String name,
      List<Artist> artists,
      Album album,
      int trackNumber,
      Duration duration,
      boolean explicit) {
    String id = SpotifyIds.derive("track", album.id() + '/' + name);
    String isrc = "QZ" + "SBX" + id.substring(0, 7).toUpperCase(Locale.ROOT);
    int popularity = 35 + Math.floorMod(id.hashCode(), 60);
    return new Track(
        id, name, artists, album, duration.toMillis(), trackNumber, explicit, popularity, isrc);
  }

  @Override
  public String type() {
    return "track";
  }

  @Override
  public String artworkId() {
    return album.id();
  }

  @Override
  public String artworkTitle() {
    return album.name();
  }
}
