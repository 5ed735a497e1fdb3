package dev.marquee.sandbox.playback;

import java.util.Objects;

/** A podcast, rendered as Spotify's SimplifiedShowObject. */
public record Show(
    String id, String name, String publisher, String description, int totalEpisodes) {

  public Show {
    Objects.requireNonNull(id, "id");
    Artist.requireText(name, "show name");
    Artist.requireText(publisher, "publisher");
    Objects.requireNonNull(description, "description");
  }

  public static Show of(String name, String publisher, String description, int totalEpisodes) {
    return new Show(
        SpotifyIds.derive("show", publisher + '/' + name),
        name,
        publisher,
        description,
        totalEpisodes);
  }
}
