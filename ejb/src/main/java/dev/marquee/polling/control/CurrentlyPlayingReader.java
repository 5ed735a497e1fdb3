package dev.marquee.polling.control;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.marquee.polling.entity.DisplayText;
import dev.marquee.polling.entity.Playback;
import dev.marquee.polling.entity.PlaybackKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * Turns an HTTP answer of {@code GET /v1/me/player/currently-playing} into a {@link PlayerAnswer}.
 * Spotify's answers vary more than its description says: 204 and 200 with a null item both mean
 * nothing to show, images may be missing, durations zero, 429 bodies plain text. None of that may
 * throw; what cannot be read is a {@link PlayerAnswer.Failed} whose reason quotes nothing of the
 * body: "malformed JSON" when it is not JSON, "unexpected answer" naming the field when a field has
 * another type than Spotify's description gives it. What it reads is bounded by {@link Playback}
 * before any screen sees it (names, image links, durations, progress).
 */
public final class CurrentlyPlayingReader {

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

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
    JSONObject json;
    try {
      json = JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      // The cause is dropped: its message may quote the body.
      return new PlayerAnswer.Failed("Spotify's answer could not be read (malformed JSON)");
    }
    try {
      return new PlayerAnswer.Seen(playback(json, fetchedAt));
    } catch (UnexpectedAnswer e) {
      return new PlayerAnswer.Failed(
          "Spotify's answer could not be read (unexpected answer: " + e.getMessage() + ")");
    }
  }

  /**
   * A field of well-formed JSON with a type Spotify's description does not give it ({@code
   * "progress_ms": "1000"}). The message names the field and the type expected, nothing of the
   * value.
   */
  static final class UnexpectedAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    UnexpectedAnswer(String path, String expected) {
      super("\"" + path + "\" is not " + expected, null, false, false);
    }
  }

  static Playback playback(JSONObject json, Instant fetchedAt) throws UnexpectedAnswer {
    boolean playing = bool(json, "", "is_playing");
    long progress = millis(json, "", "progress_ms");
    String type = string(json, "", "currently_playing_type");
    JSONObject item = object(json, "", "item");
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
    String itemType = string(item, "item.", "type");
    if (itemType == null) {
      itemType = type;
    }
    String id = string(item, "item.", "id");
    String name = string(item, "item.", "name");
    long duration = millis(item, "item.", "duration_ms");
    if ("episode".equals(itemType)) {
      JSONObject show = object(item, "item.", "show");
      String showName = show == null ? null : string(show, "item.show.", "name");
      String publisher = show == null ? null : string(show, "item.show.", "publisher");
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
          publisher,
          largest(images),
          smallest(images),
          duration,
          progress,
          fetchedAt);
    }
    if ("track".equals(itemType)) {
      JSONObject album = object(item, "item.", "album");
      List<JSONObject> images = album == null ? List.of() : images(album);
      return new Playback(
          PlaybackKind.TRACK,
          playing,
          id,
          name,
          artists(item),
          album == null ? null : string(album, "item.album.", "name"),
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

  private static String artists(JSONObject item) throws UnexpectedAnswer {
    JSONArray artists = array(item, "item.", "artists");
    if (artists == null) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    for (Object artist : artists) {
      // Names past what a screen shows are not read (an answer may list thousands).
      if (joined.length() > DisplayText.MAX_LENGTH) {
        break;
      }
      String name =
          artist instanceof JSONObject object
              ? DisplayText.name(object.get("name") instanceof String s ? s : null)
              : null;
      if (name != null) {
        joined.append(joined.length() == 0 ? "" : ", ").append(name);
      }
    }
    return joined.length() == 0 ? null : joined.toString();
  }

  /** The images of an item, album or show whose link a screen may load. */
  private static List<JSONObject> images(JSONObject owner) {
    Object array = owner.get("images");
    List<JSONObject> images = new ArrayList<>();
    if (array instanceof JSONArray list) {
      for (Object image : list) {
        if (image instanceof JSONObject object
            && object.get("url") instanceof String url
            && DisplayText.imageUrl(url) != null) {
          images.add(object);
        }
      }
    }
    return images;
  }

  private static String largest(List<JSONObject> images) {
    return images.stream()
        .max(Comparator.comparingLong(CurrentlyPlayingReader::width))
        .map(i -> i.getAsString("url"))
        .orElse(null);
  }

  private static String smallest(List<JSONObject> images) {
    return images.stream()
        .filter(i -> width(i) >= SMALL_IMAGE_MIN_WIDTH || width(i) == 0)
        .min(Comparator.comparingLong(CurrentlyPlayingReader::width))
        .or(() -> images.stream().max(Comparator.comparingLong(CurrentlyPlayingReader::width)))
        .map(i -> i.getAsString("url"))
        .orElse(null);
  }

  /** An image's width, 0 when it is not a number (Spotify's description allows null). */
  private static long width(JSONObject image) {
    Object width = image.get("width");
    return width instanceof Number number ? saturated(number) : 0;
  }

  private static boolean bool(JSONObject json, String path, String key) throws UnexpectedAnswer {
    Object value = json.get(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw new UnexpectedAnswer(path + key, "true or false");
  }

  private static String string(JSONObject json, String path, String key) throws UnexpectedAnswer {
    Object value = json.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new UnexpectedAnswer(path + key, "a string");
  }

  private static JSONObject object(JSONObject json, String path, String key)
      throws UnexpectedAnswer {
    Object value = json.get(key);
    if (value == null || value instanceof JSONObject) {
      return (JSONObject) value;
    }
    throw new UnexpectedAnswer(path + key, "an object");
  }

  private static JSONArray array(JSONObject json, String path, String key) throws UnexpectedAnswer {
    Object value = json.get(key);
    if (value == null || value instanceof JSONArray) {
      return (JSONArray) value;
    }
    throw new UnexpectedAnswer(path + key, "an array");
  }

  /**
   * Milliseconds as a long; absent or null is 0. Numbers beyond a long (1e20, which the parser
   * gives as a Double or BigInteger) saturate instead of wrapping: {@link Playback} bounds them.
   */
  private static long millis(JSONObject json, String path, String key) throws UnexpectedAnswer {
    Object value = json.get(key);
    if (value == null) {
      return 0;
    }
    if (value instanceof Number number) {
      return saturated(number);
    }
    throw new UnexpectedAnswer(path + key, "a number");
  }

  private static long saturated(Number number) {
    if (number instanceof Long || number instanceof Integer) {
      return number.longValue();
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      // NaN is no duration; the cast saturates at Long.MIN_VALUE and Long.MAX_VALUE.
      return Double.isNaN(d) ? 0 : (long) d;
    }
    try {
      return new BigDecimal(number.toString()).max(LONG_MIN).min(LONG_MAX).longValue();
    } catch (NumberFormatException e) {
      return 0;
    }
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
