package dev.marquee.device.view;

import java.time.Instant;
import java.util.Locale;

/**
 * What the shown source plays: the {@code data} of a state, within the bounds every screen holds
 * (docs/screens-protocol.md): a duration outside (0, 24 h] is unknown, and then there is no
 * progress to show; a known one bounds the progress.
 *
 * @param kind a track, an episode, an ad or something else
 * @param title the track or episode title; empty for an ad
 * @param artist the artists, or the show
 * @param album the album, or the show's publisher (the show itself from older servers)
 * @param artUrl the largest album art, or empty
 * @param durationMs the duration, 0 when unknown
 * @param progressMs the progress as of {@code fetchedAt}, 0 when the duration is unknown
 * @param playing whether it plays (else it is paused)
 * @param fetchedAt when the server asked Spotify, on the server's clock
 */
public record NowPlaying(
    Kind kind,
    String title,
    String artist,
    String album,
    String artUrl,
    long durationMs,
    long progressMs,
    boolean playing,
    Instant fetchedAt) {

  /** The longest duration shown: a day. */
  public static final long MAX_DURATION_MS = 24L * 60 * 60 * 1000;

  /** What plays, as the state's {@code data.kind} says. */
  public enum Kind {
    TRACK,
    EPISODE,
    AD,
    UNKNOWN;

    /** The kind a state names; a track when it names none (older servers), unknown for others. */
    public static Kind of(String name) {
      if (name == null || name.isEmpty()) {
        return TRACK;
      }
      for (Kind kind : values()) {
        if (kind.name().equals(name.toUpperCase(Locale.ROOT))) {
          return kind;
        }
      }
      return UNKNOWN;
    }
  }

  public NowPlaying {
    if (durationMs <= 0 || durationMs > MAX_DURATION_MS) {
      durationMs = 0;
      progressMs = 0;
    } else {
      progressMs = Math.min(Math.max(0, progressMs), durationMs);
    }
  }

  /** Whether it is a podcast episode. */
  public boolean episode() {
    return kind == Kind.EPISODE;
  }

  /** Whether there is a duration to show progress against: else no bar, no times. */
  public boolean durationKnown() {
    return durationMs > 0;
  }

  /**
   * The progress at {@code serverNow}: while playing it advances from {@code fetchedAt}, never past
   * the end of the track (so an offline screen's time stops there); paused it stays. 0 when the
   * duration is unknown.
   */
  public long progressAt(Instant serverNow) {
    if (!playing || !durationKnown()) {
      return progressMs;
    }
    long moved = Math.max(0, serverNow.toEpochMilli() - fetchedAt.toEpochMilli());
    return moved >= durationMs - progressMs ? durationMs : progressMs + moved;
  }

  /** Whether there is art to show. */
  public boolean hasArt() {
    return !artUrl.isEmpty();
  }
}
