package dev.marquee.sandbox.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.sandbox.faults.Fault;
import dev.marquee.sandbox.faults.FaultInjector;
import dev.marquee.sandbox.http.Json;
import dev.marquee.sandbox.playback.Episode;
import dev.marquee.sandbox.playback.PlayableItem;
import dev.marquee.sandbox.playback.PlaybackSnapshot;
import dev.marquee.sandbox.playback.Track;
import dev.marquee.sandbox.users.SandboxAccount;
import dev.marquee.sandbox.users.SandboxUser;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The control API's own JSON (compact summaries, not Spotify's shapes). */
final class ControlJson {

  private ControlJson() {}

  static ObjectNode account(SandboxAccount account) {
    SandboxUser user = account.user();
    ObjectNode node =
        Json.object()
            .put("id", user.id())
            .put("display_name", user.displayName())
            .put("email", user.email())
            .put("country", user.country())
            .put("product", user.product());
    node.set("playback", playback(account.player().snapshot()));
    return node;
  }

  static ObjectNode playback(PlaybackSnapshot snapshot) {
    ObjectNode node =
        Json.object()
            .put("state", snapshot.state().name().toLowerCase(Locale.ROOT))
            .put("is_playing", snapshot.isPlaying())
            .put("progress_ms", snapshot.progressMs())
            .put("remaining_ms", snapshot.remainingMs())
            .put("queue_index", snapshot.queueIndex())
            .put("changed_at", snapshot.changedAt().toString())
            .put("captured_at", snapshot.capturedAt().toString());
    if (snapshot.item() == null) {
      node.putNull("item");
    } else {
      node.set("item", item(snapshot.item()));
    }
    return node;
  }

  static ObjectNode item(PlayableItem item) {
    ObjectNode node =
        Json.object()
            .put("type", item.type())
            .put("id", item.id())
            .put("uri", item.uri())
            .put("name", item.name())
            .put("duration_ms", item.durationMs());
    if (item instanceof Track track) {
      ArrayNode artists = node.putArray("artists");
      track.artists().forEach(artist -> artists.add(artist.name()));
      node.put("album", track.album().name());
    } else if (item instanceof Episode episode) {
      node.put("show", episode.show().name());
      node.put("publisher", episode.show().publisher());
    }
    return node;
  }

  static ArrayNode items(List<PlayableItem> items) {
    ArrayNode array = Json.array();
    items.forEach(item -> array.add(item(item)));
    return array;
  }

  static ArrayNode faults(List<FaultInjector.PendingFault> pending) {
    ArrayNode array = Json.array();
    for (FaultInjector.PendingFault entry : pending) {
      Fault fault = entry.fault();
      ObjectNode node =
          array
              .addObject()
              .put("kind", ControlRequests.kindName(fault.kind()))
              .put("remaining", entry.remaining())
              .put("status", fault.status());
      putIfPresent(node, "user", fault.userId());
      putIfPresent(node, "endpoint", fault.endpoint());
      if (fault.retryAfter() != null) {
        node.put("retry_after_seconds", fault.retryAfter().toSeconds());
      }
      if (fault.delay() != null) {
        node.put("delay_ms", fault.delay().toMillis());
      }
    }
    return array;
  }

  static ObjectNode counters(Map<String, Map<String, Long>> byUser) {
    ObjectNode node = Json.object();
    ObjectNode users = node.putObject("users");
    ObjectNode totals = node.putObject("totals");
    byUser.forEach(
        (user, endpoints) -> {
          ObjectNode perUser = users.putObject(user);
          endpoints.forEach(
              (endpoint, count) -> {
                perUser.put(endpoint, count);
                totals.put(endpoint, totals.path(endpoint).asLong(0) + count);
              });
        });
    return node;
  }

  static ObjectNode callLog(String user, String endpoint, long count, List<Instant> times) {
    ObjectNode node = Json.object();
    node.put("user", user);
    node.put("endpoint", endpoint);
    node.put("count", count);
    ArrayNode array = node.putArray("times");
    times.forEach(time -> array.add(time.toString()));
    return node;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
