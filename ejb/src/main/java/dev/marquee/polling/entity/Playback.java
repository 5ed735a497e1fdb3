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
 * <p>Whatever it is made from (an answer, a database row), a playback holds only what a screen can
 * show (docs/architecture.md, "What screens are shown"): names as {@link DisplayText#name}, image
 * links as {@link DisplayText#imageUrl}, a duration in (0, 24 h] or 0 for unknown, a progress in
 * [0, duration] or 0 when the duration is unknown.
 *
 * @param itemId Spotify's id of the track or episode; {@code null} for ads, unknown items, nothing
 * @param artists artists joined with ", " for a track, the show's name for an episode
 * @param album the album for a track, the show's publisher for an episode ({@code null} when
 *     Spotify names none, or the same as the show: a screen shows the show once)
 * @param imageLarge the largest image offered, or {@code null}
 * @param imageSmall the smallest image of at least 64 px offered, or {@code null}
 * @param durationMs 0 when unknown
 * @param progressMs 0 when the duration is unknown
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

  /** The longest duration a screen shows (a day); longer ones are unknown. */
  public static final long MAX_DURATION_MS = 24L * 60 * 60 * 1000;

  public Playback {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    title = DisplayText.name(title);
    artists = DisplayText.name(artists);
    album = DisplayText.name(album);
    if (kind == PlaybackKind.EPISODE && DisplayText.sameName(album, artists)) {
      album = null;
    }
    imageLarge = DisplayText.imageUrl(imageLarge);
    imageSmall = DisplayText.imageUrl(imageSmall);
    if (durationMs <= 0 || durationMs > MAX_DURATION_MS) {
      durationMs = 0;
      progressMs = 0;
    } else {
      progressMs = Math.min(Math.max(0, progressMs), durationMs);
    }
    playing = playing && kind != PlaybackKind.NOTHING;
  }

  /** Nothing playing, as seen at the given time. */
  public static Playback nothing(Instant fetchedAt) {
    return new Playback(
        PlaybackKind.NOTHING, false, null, null, null, null, null, null, 0, 0, fetchedAt);
  }

  /** Whether the duration is one a screen shows: in (0, 24 h]. */
  public boolean durationKnown() {
    return durationMs > 0;
  }

  /**
   * Where playback should be at {@code at}, by interpolation; stops at the end of the item. 0 when
   * the duration is unknown (progress is not shown then).
   */
  public long expectedProgressAt(Instant at) {
    if (!playing || !durationKnown()) {
      return progressMs;
    }
    Duration moved = Duration.between(fetchedAt, at);
    if (moved.isNegative()) {
      return progressMs;
    }
    return moved.compareTo(Duration.ofMillis(durationMs - progressMs)) >= 0
        ? durationMs
        : progressMs + moved.toMillis();
  }

  /**
   * The fields the Now Playing widget's data schema names (the Castmill seed's and Marquee's own),
   * ready for templates: names in snake case, times formatted as {@code m:ss} or {@code h:mm:ss}.
   * With an unknown duration the times are empty, the milliseconds 0 and {@code duration_known}
   * false: screens show no progress bar then.
   */
  public Map<String, Object> widgetData() {
    Map<String, Object> data = new LinkedHashMap<>();
    boolean known = durationKnown();
    data.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
    data.put("track_name", text(title));
    data.put("artist_name", text(artists));
    data.put("album_name", text(album));
    data.put("publisher", kind == PlaybackKind.EPISODE ? text(album) : "");
    data.put("album_art_url", text(imageLarge));
    data.put("album_art_small_url", text(imageSmall));
    data.put("duration_known", known);
    data.put("duration_ms", durationMs);
    data.put("duration_formatted", known ? formatted(durationMs) : "");
    data.put("progress_ms", progressMs);
    data.put("progress_formatted", known ? formatted(progressMs) : "");
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
