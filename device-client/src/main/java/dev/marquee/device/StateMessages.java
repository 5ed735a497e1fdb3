package dev.marquee.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.device.view.AccountStatus;
import dev.marquee.device.view.FeedState;
import dev.marquee.device.view.IdleMode;
import dev.marquee.device.view.NowPlaying;
import dev.marquee.device.view.Theme;
import dev.marquee.device.view.WidgetOptions;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code state} message (docs/screens-protocol.md) into what the device draws. Fields the
 * device does not draw (the widget's template) are not read at all; of the list of sources only
 * whether one needs reconnecting.
 */
final class StateMessages {
  private StateMessages() {}

  /**
   * The state, or why it is not one.
   *
   * @throws ProtocolException when the version is missing, or data is neither null nor a complete
   *     now-playing object
   */
  static FeedState read(JsonNode state) throws ProtocolException {
    JsonNode version = state.path("version");
    if (!version.isTextual() || version.asText().isBlank()) {
      throw new ProtocolException("a state without a version");
    }
    JsonNode data = state.path("data");
    boolean idle = state.path("idle").asBoolean(false) || data.isNull() || data.isMissingNode();
    AccountStatus status = AccountStatus.of(state.path("status").asText(""));
    return new FeedState(
        version.asText(),
        options(state.path("options")),
        status,
        idle ? null : nowPlaying(data),
        status == AccountStatus.NEEDS_RECONNECT || anySourceNeedsReconnect(state.path("sources")));
  }

  private static boolean anySourceNeedsReconnect(JsonNode sources) {
    for (JsonNode source : sources) {
      if (AccountStatus.of(source.path("status").asText("")) == AccountStatus.NEEDS_RECONNECT) {
        return true;
      }
    }
    return false;
  }

  private static WidgetOptions options(JsonNode options) {
    WidgetOptions defaults = WidgetOptions.DEFAULTS;
    return new WidgetOptions(
        Theme.of(options.path("theme").asText(null)),
        options.path("show_progress").asBoolean(defaults.showProgress()),
        IdleMode.of(options.path("idle").asText(null)));
  }

  private static NowPlaying nowPlaying(JsonNode data) throws ProtocolException {
    if (!data.isObject()) {
      throw new ProtocolException("a state whose data is not an object");
    }
    Instant fetchedAt;
    try {
      fetchedAt = Instant.parse(required(data, "fetched_at"));
    } catch (DateTimeParseException e) {
      throw new ProtocolException("a state whose fetched_at is not a time");
    }
    long duration = number(data, "duration_ms");
    // duration_known is absent from older servers: the duration's own bounds then.
    if (!data.path("duration_known").asBoolean(true)) {
      duration = 0;
    }
    return new NowPlaying(
        NowPlaying.Kind.of(data.path("kind").asText("")),
        required(data, "track_name"),
        data.path("artist_name").asText(""),
        data.path("album_name").asText(""),
        art(data),
        duration,
        number(data, "progress_ms"),
        data.path("is_playing").asBoolean(false),
        fetchedAt);
  }

  /** The large art: the layout scales it down itself, and one download serves every size. */
  private static String art(JsonNode data) {
    String large = data.path("album_art_url").asText("");
    return large.isEmpty() ? data.path("album_art_small_url").asText("") : large;
  }

  private static String required(JsonNode data, String field) throws ProtocolException {
    JsonNode value = data.path(field);
    if (!value.isTextual()) {
      throw new ProtocolException("a state whose data has no \"" + field + "\"");
    }
    return value.asText();
  }

  /** A number of milliseconds; past a long it saturates (NowPlaying bounds it), never wraps. */
  private static long number(JsonNode data, String field) throws ProtocolException {
    JsonNode value = data.path(field);
    if (!value.isNumber()) {
      throw new ProtocolException("a state whose data has no numeric \"" + field + "\"");
    }
    if (value.canConvertToLong()) {
      return Math.max(0, value.longValue());
    }
    return value.decimalValue().signum() < 0 ? 0 : Long.MAX_VALUE;
  }
}
