package dev.marquee.polling.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an account plays, normalized from Spotify's answer: tracks and episodes look the same to
 * screens. Progress is as of {@link #fetchedAt()}, the time Marquee received the answer (Spotify's
 * own {@code timestamp} field is unreliable), so screens interpolate from there.
 *
 * @param itemId Spotify's id of the track or episode; {@code null} for ads, unknown items, nothing
 * @param artists artists joined with ", " for a track, the show's name for an episode
 * @param album the album for a track, the show for an episode
 * @param imageLarge the largest image offered, or {@code null}
 * @param imageSmall the smallest image of at least 64 px offered, or {@code null}
 * @param durationMs 0 when unknown
 */
public record Playback(
    PlaybackKind kind,
    boolean playing,
    String itemId,
    String title,
    String artists,
    String album,
    String imageLarge,
    String imageSmall,
    long durationMs,
    long progressMs,
    Instant fetchedAt) {

  public Playback {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    durationMs = Math.max(0, durationMs);
    progressMs = Math.max(0, progressMs);
    if (durationMs > 0) {
      progressMs = Math.min(progressMs, durationMs);
    }
    playing = playing && kind != PlaybackKind.NOTHING;
  }

  /** Nothing playing, as seen at the given time. */
  public static Playback nothing(Instant fetchedAt) {
    return new Playback(
        PlaybackKind.NOTHING, false, null, null, null, null, null, null, 0, 0, fetchedAt);
  }

  /** Where playback should be at {@code at}, by interpolation; stops at the end of the item. */
  public long expectedProgressAt(Instant at) {
    if (!playing) {
      return progressMs;
    }
    long moved = Math.max(0, Duration.between(fetchedAt, at).toMillis());
    long expected = progressMs + moved;
    return durationMs > 0 ? Math.min(expected, durationMs) : expected;
  }

  /**
   * The fields the Now Playing widget's data schema names (the Castmill seed's), ready for
   * templates: names in snake case, times formatted as {@code m:ss} or {@code h:mm:ss}.
   */
  public Map<String, Object> widgetData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
    data.put("track_name", text(title));
    data.put("artist_name", text(artists));
    data.put("album_name", text(album));
    data.put("album_art_url", text(imageLarge));
    data.put("album_art_small_url", text(imageSmall));
    data.put("duration_ms", durationMs);
    data.put("duration_formatted", formatted(durationMs));
    data.put("progress_ms", progressMs);
    data.put("progress_formatted", formatted(progressMs));
    data.put("progress_percent", percent(progressMs, durationMs));
    data.put("is_playing", playing);
    data.put("fetched_at", fetchedAt.toString());
    return data;
  }

  /** {@code 2:05} or {@code 1:02:05}. */
  public static String formatted(long millis) {
    long seconds = Math.max(0, millis) / 1000;
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long rest = seconds % 60;
    return hours > 0
        ? String.format("%d:%02d:%02d", hours, minutes, rest)
        : String.format("%d:%02d", minutes, rest);
  }

  /** {@code 33.9%}; {@code 0%} when the duration is unknown. */
  public static String percent(long progressMs, long durationMs) {
    if (durationMs <= 0) {
      return "0%";
    }
    double percent = Math.min(100.0, 100.0 * progressMs / durationMs);
    return String.format(java.util.Locale.ROOT, "%.1f%%", percent);
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
