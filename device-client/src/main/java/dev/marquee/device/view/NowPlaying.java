package dev.marquee.device.view;

import java.time.Instant;

/**
 * What the shown source plays: the {@code data} of a state.
 *
 * @param episode whether it is a podcast episode ({@code album} then names the show)
 * @param title the track or episode title
 * @param artist the artists, or the show
 * @param album the album, or the show
 * @param artUrl the largest album art, or empty
 * @param durationMs the duration, 0 when unknown
 * @param progressMs the progress as of {@code fetchedAt}
 * @param playing whether it plays (else it is paused)
 * @param fetchedAt when the server asked Spotify, on the server's clock
 */
public record NowPlaying(
    boolean episode,
    String title,
    String artist,
    String album,
    String artUrl,
    long durationMs,
    long progressMs,
    boolean playing,
    Instant fetchedAt) {

  /**
   * The progress at {@code serverNow}: while playing it advances from {@code fetchedAt}, never past
   * the end of the track (so an offline screen's time stops there); paused it stays.
   */
  public long progressAt(Instant serverNow) {
    long progress = progressMs;
    if (playing) {
      progress += Math.max(0, serverNow.toEpochMilli() - fetchedAt.toEpochMilli());
    }
    if (durationMs > 0) {
      progress = Math.min(progress, durationMs);
    }
    return Math.max(0, progress);
  }

  /** Whether there is art to show. */
  public boolean hasArt() {
    return !artUrl.isEmpty();
  }
}
