package dev.marquee.polling.control;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.marquee.polling.entity.Playback;
import dev.marquee.polling.entity.PlaybackKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * Turns an HTTP answer of {@code GET /v1/me/player/currently-playing} into a {@link PlayerAnswer}.
 * Spotify's answers vary more than its description says: 204 and 200 with a null item both mean
 * nothing to show, images may be missing, durations zero, 429 bodies plain text. None of that may
 * throw; what cannot be read is a {@link PlayerAnswer.Failed} whose reason quotes nothing of the
 * body.
 */
public final class CurrentlyPlayingReader {

  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

  /** Images at least this wide serve as the small picture (Spotify offers 64, 300 and 640). */
  private static final int SMALL_IMAGE_MIN_WIDTH = 64;

  private CurrentlyPlayingReader() {}

  /**
   * @param retryAfter the raw {@code Retry-After} header, or {@code null}
   */
  public static PlayerAnswer read(int status, String body, String retryAfter, Instant fetchedAt) {
    if (status == 204) {
      return new PlayerAnswer.Seen(Playback.nothing(fetchedAt));
    }
    if (status == 401) {
      return new PlayerAnswer.Unauthorized();
    }
    if (status == 429) {
      return new PlayerAnswer.RateLimited(seconds(retryAfter), quotaExceeded(body));
    }
    if (status == 403) {
      return new PlayerAnswer.Failed(
          "Spotify refused access to this user (HTTP 403); in development mode the user must be"
              + " added under User Management in the app's dashboard");
    }
    if (status != 200) {
      return new PlayerAnswer.Failed("Spotify answered HTTP " + status);
    }
    try {
      return new PlayerAnswer.Seen(playback(JSONObjectUtils.parse(body), fetchedAt));
    } catch (ParseException | ClassCastException | IllegalArgumentException e) {
      // The cause is dropped: its message may quote the body.
      return new PlayerAnswer.Failed("Spotify's answer could not be read (malformed JSON)");
    }
  }

  static Playback playback(JSONObject json, Instant fetchedAt) throws ParseException {
    boolean playing = JSONObjectUtils.getBoolean(json, "is_playing", false);
    long progress = number(json, "progress_ms");
    String type = JSONObjectUtils.getString(json, "currently_playing_type", "unknown");
    JSONObject item = JSONObjectUtils.getJSONObject(json, "item", null);
    if (item == null) {
      if ("ad".equals(type)) {
        return new Playback(
            PlaybackKind.AD, playing, null, null, null, null, null, null, 0, progress, fetchedAt);
      }
      if (!playing) {
        return Playback.nothing(fetchedAt);
      }
      return new Playback(
          PlaybackKind.UNKNOWN, true, null, null, null, null, null, null, 0, progress, fetchedAt);
    }
    String itemType = JSONObjectUtils.getString(item, "type", type);
    String id = JSONObjectUtils.getString(item, "id", null);
    String name = JSONObjectUtils.getString(item, "name", null);
    long duration = number(item, "duration_ms");
    if ("episode".equals(itemType)) {
      JSONObject show = JSONObjectUtils.getJSONObject(item, "show", null);
      String showName = show == null ? null : JSONObjectUtils.getString(show, "name", null);
      List<JSONObject> images = images(item);
      if (images.isEmpty() && show != null) {
        images = images(show);
      }
      return new Playback(
          PlaybackKind.EPISODE,
          playing,
          id,
          name,
          showName,
          showName,
          largest(images),
          smallest(images),
          duration,
          progress,
          fetchedAt);
    }
    if ("track".equals(itemType)) {
      JSONObject album = JSONObjectUtils.getJSONObject(item, "album", null);
      List<JSONObject> images = album == null ? List.of() : images(album);
      return new Playback(
          PlaybackKind.TRACK,
          playing,
          id,
          name,
          artists(item),
          album == null ? null : JSONObjectUtils.getString(album, "name", null),
          largest(images),
          smallest(images),
          duration,
          progress,
          fetchedAt);
    }
    return new Playback(
        PlaybackKind.UNKNOWN,
        playing,
        id,
        name,
        null,
        null,
        null,
        null,
        duration,
        progress,
        fetchedAt);
  }

  private static String artists(JSONObject item) throws ParseException {
    JSONArray artists = JSONObjectUtils.getJSONArray(item, "artists", null);
    if (artists == null) {
      return null;
    }
    String joined =
        artists.stream()
            .filter(JSONObject.class::isInstance)
            .map(a -> ((JSONObject) a).getAsString("name"))
            .filter(n -> n != null && !n.isBlank())
            .collect(Collectors.joining(", "));
    return joined.isEmpty() ? null : joined;
  }

  private static List<JSONObject> images(JSONObject owner) throws ParseException {
    JSONArray array = JSONObjectUtils.getJSONArray(owner, "images", null);
    List<JSONObject> images = new ArrayList<>();
    if (array != null) {
      for (Object image : array) {
        if (image instanceof JSONObject object && object.getAsString("url") != null) {
          images.add(object);
        }
      }
    }
    return images;
  }

  private static String largest(List<JSONObject> images) {
    return images.stream()
        .max(java.util.Comparator.comparingLong(CurrentlyPlayingReader::width))
        .map(i -> i.getAsString("url"))
        .orElse(null);
  }

  private static String smallest(List<JSONObject> images) {
    return images.stream()
        .filter(i -> width(i) >= SMALL_IMAGE_MIN_WIDTH || width(i) == 0)
        .min(java.util.Comparator.comparingLong(CurrentlyPlayingReader::width))
        .or(
            () ->
                images.stream()
                    .max(java.util.Comparator.comparingLong(CurrentlyPlayingReader::width)))
        .map(i -> i.getAsString("url"))
        .orElse(null);
  }

  private static long width(JSONObject image) {
    Object width = image.get("width");
    return width instanceof Number number ? number.longValue() : 0;
  }

  private static long number(JSONObject json, String key) {
    Object value = json.get(key);
    return value instanceof Number number ? Math.max(0, number.longValue()) : 0;
  }

  private static Optional<Duration> seconds(String header) {
    if (header == null || !SECONDS.matcher(header.strip()).matches()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
  }

  private static boolean quotaExceeded(String body) {
    if (body == null || body.isBlank()) {
      return false;
    }
    try {
      JSONObject error = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(body), "error", null);
      return error != null && "QUOTA_EXCEEDED".equals(error.getAsString("reason"));
    } catch (ParseException | ClassCastException e) {
      // A plain-text 429 ("Too many requests") is an ordinary rate limit.
      return false;
    }
  }
}
