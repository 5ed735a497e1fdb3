package dev.marquee.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.sandbox.accounts.ClientApp;
import dev.marquee.sandbox.faults.Fault;
import dev.marquee.sandbox.playback.Album;
import dev.marquee.sandbox.playback.Artist;
import dev.marquee.sandbox.playback.DemoCatalog;
import dev.marquee.sandbox.playback.Episode;
import dev.marquee.sandbox.playback.PlayableItem;
import dev.marquee.sandbox.playback.Show;
import dev.marquee.sandbox.playback.Track;
import dev.marquee.sandbox.users.SandboxUser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the JSON bodies of control API requests into sandbox objects, with clear errors. */
final class ControlRequests {

  private ControlRequests() {}

  /** {@code {"client_id","client_secret","redirect_uris":[...],"name"?}}. */
  static ClientApp app(JsonNode body) {
    List<URI> redirectUris = new ArrayList<>();
    for (JsonNode uri : body.path("redirect_uris")) {
      redirectUris.add(URI.create(uri.asText()));
    }
    return new ClientApp(
        requiredText(body, "client_id"),
        body.path("name").asText(null),
        requiredText(body, "client_secret"),
        redirectUris);
  }

  /** {@code {"id","display_name","email"?,"country"?,"product"?}}. */
  static SandboxUser user(JsonNode body) {
    String id = requiredText(body, "id");
    return new SandboxUser(
        id,
        body.path("display_name").asText(id),
        body.path("email").asText(id + "@example.com"),
        body.path("country").asText("SE"),
        body.path("product").asText("premium"));
  }

  /**
   * A queue: an array (or {@code {"items":[...]}}) whose entries are demo catalog ids or objects
   * {@code {"type":"track","name","artist","album","duration_ms"}} / {@code
   * {"type":"episode","name","show","publisher","duration_ms"}}.
   */
  static List<PlayableItem> queue(JsonNode body) {
    JsonNode items = body.isArray() ? body : body.path("items");
    if (!items.isArray() || items.isEmpty()) {
      throw ControlApiException.badRequest("A queue needs a non-empty array of items");
    }
    List<PlayableItem> queue = new ArrayList<>();
    for (JsonNode item : items) {
      queue.add(item.isTextual() ? catalogItem(item.asText()) : customItem(item));
    }
    return queue;
  }

  private static PlayableItem catalogItem(String id) {
    return DemoCatalog.find(id)
        .orElseThrow(() -> ControlApiException.badRequest("No catalog item with id " + id));
  }

  private static PlayableItem customItem(JsonNode item) {
    String type = item.path("type").asText("track");
    Duration duration = Duration.ofMillis(item.path("duration_ms").asLong(0));
    if (duration.isZero() || duration.isNegative()) {
      throw ControlApiException.badRequest("Every item needs a positive duration_ms");
    }
    String name = requiredText(item, "name");
    return switch (type) {
      case "track" -> {
        List<Artist> artists = List.of(Artist.named(item.path("artist").asText("Unknown Artist")));
        Album album =
            Album.of(
                item.path("album").asText(name),
                artists,
                item.path("release_date").asText("2024-01-01"),
                10);
        yield Track.of(name, artists, album, 1, duration, item.path("explicit").asBoolean());
      }
      case "episode" -> {
        Show show =
            Show.of(
                requiredText(item, "show"),
                item.path("publisher").asText("Sandbox Podcasts"),
                item.path("show_description").asText(""),
                100);
        yield Episode.of(
            name,
            show,
            item.path("description").asText(""),
            item.path("release_date").asText("2024-01-01"),
            duration);
      }
      default -> throw ControlApiException.badRequest("Item type must be track or episode");
    };
  }

  /**
   * {@code {"kind": "too-many-requests" | "quota-exceeded" | "server-error" | "delay" |
   * "malformed-json", "count"?, "user"?, "endpoint"?, "retry_after_seconds"?, "status"?,
   * "delay_ms"?}}.
   */
  static Fault fault(JsonNode body) {
    String kind = requiredText(body, "kind");
    Duration retryAfter = Duration.ofSeconds(body.path("retry_after_seconds").asLong(30));
    Fault fault =
        switch (kind) {
          case "too-many-requests" -> Fault.tooManyRequests(retryAfter);
          case "quota-exceeded" -> Fault.quotaExceeded(retryAfter);
          case "server-error" -> Fault.serverError(body.path("status").asInt(500));
          case "delay" -> Fault.delay(Duration.ofMillis(body.path("delay_ms").asLong(0)));
          case "malformed-json" -> Fault.malformedJson();
          default ->
              throw ControlApiException.badRequest(
                  "kind must be too-many-requests, quota-exceeded, server-error, delay or"
                      + " malformed-json");
        };
    fault = fault.times(body.path("count").asInt(1));
    if (body.hasNonNull("user")) {
      fault = fault.onlyForUser(body.get("user").asText());
    }
    if (body.hasNonNull("endpoint")) {
      fault = fault.onlyForEndpoint(body.get("endpoint").asText());
    }
    return fault;
  }

  static String kindName(Fault.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String requiredText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw ControlApiException.badRequest("Missing text field " + field);
    }
    return value.asText();
  }
}
