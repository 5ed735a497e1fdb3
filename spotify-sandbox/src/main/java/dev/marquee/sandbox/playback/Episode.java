package dev.marquee.sandbox.playback;

import java.time.Duration;
import java.util.Objects;

/**
 * A podcast episode, rendered as Spotify's EpisodeObject; it shows its podcast's cover art.
 *
 * @param language ISO 639-1 code
 * @param releaseDate {@code yyyy-MM-dd}
 */
public record Episode(
    String id,
    String name,
    Show show,
    String description,
    long durationMs,
    String releaseDate,
    String language,
    boolean explicit)
    implements PlayableItem {

  public Episode {
    Objects.requireNonNull(id, "id");
    Artist.requireText(name, "episode name");
    Objects.requireNonNull(show, "show");
    Objects.requireNonNull(description, "description");
    if (durationMs <= 0) {
      throw new IllegalArgumentException("durationMs must be positive");
    }
    Objects.requireNonNull(releaseDate, "releaseDate");
    Objects.requireNonNull(language, "language");
  }

  /** An English episode with an id derived from its show and name. */
  public static Episode of(
      String name, Show show, String description, String releaseDate, Duration duration) {
    return new Episode(
        SpotifyIds.derive("episode", show.id() + '/' + name),
        name,
        show,
        description,
        duration.toMillis(),
        releaseDate,
        "en",
        false);
  }

  @Override
  public String type() {
    return "episode";
  }

  @Override
  public String artworkId() {
    return show.id();
  }

  @Override
  public String artworkTitle() {
    return show.name();
  }
}
