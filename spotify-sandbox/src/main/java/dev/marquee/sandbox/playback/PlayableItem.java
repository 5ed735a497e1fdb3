package dev.marquee.sandbox.playback;

/** Something a sandbox user can be listening to: a music track or a podcast episode. */
public sealed interface PlayableItem permits Track, Episode {

  String id();

  String name();

  long durationMs();

  /** {@code track} or {@code episode}, as in Spotify's {@code currently_playing_type}. */
  String type();

  default String uri() {
    return "spotify:" + type() + ":" + id();
  }

  /** The id of the generated cover art shown with this item. */
  String artworkId();

  /** The title the cover art's initials are taken from. */
  String artworkTitle();
}
