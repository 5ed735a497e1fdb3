package dev.marquee.sandbox.webapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.sandbox.accounts.Scopes;
import dev.marquee.sandbox.http.Html;
import dev.marquee.sandbox.http.Json;
import dev.marquee.sandbox.playback.Album;
import dev.marquee.sandbox.playback.Artist;
import dev.marquee.sandbox.playback.Episode;
import dev.marquee.sandbox.playback.PlaybackSnapshot;
import dev.marquee.sandbox.playback.Show;
import dev.marquee.sandbox.playback.SpotifyIds;
import dev.marquee.sandbox.playback.Track;
import dev.marquee.sandbox.users.SandboxUser;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Renders sandbox objects as the Web API's JSON objects (PrivateUserObject, TrackObject,
 * EpisodeObject, CurrentlyPlayingContextObject...), field names as in Spotify's OpenAPI file. API
 * links and images point at the sandbox itself.
 */
public final class SpotifyObjects {

  /** Spotify's image sizes for album and show art, widest first. */
  public static final List<Integer> ARTWORK_SIZES = List.of(640, 300, 64);

  private static final List<Integer> PROFILE_IMAGE_SIZES = List.of(300, 64);
  private static final List<String> MARKETS = List.of("DE", "GB", "JP", "KR", "SE", "US");

  private final String base;

  public SpotifyObjects(URI baseUri) {
    String text = baseUri.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** Fields behind {@code user-read-private} / {@code user-read-email} need those scopes. */
  ObjectNode user(SandboxUser user, Set<String> scopes) {
    ObjectNode node = Json.object();
    node.put("account_id", SpotifyIds.derive("account", user.id()));
    if (scopes.contains(Scopes.USER_READ_PRIVATE)) {
      node.put("country", user.country());
    }
    node.put("display_name", user.displayName());
    if (scopes.contains(Scopes.USER_READ_EMAIL)) {
      node.put("email", user.email());
    }
    if (scopes.contains(Scopes.USER_READ_PRIVATE)) {
      node.putObject("explicit_content").put("filter_enabled", false).put("filter_locked", false);
    }
    node.set("external_urls", externalUrls("user", user.id()));
    node.putObject("followers").putNull("href").put("total", 0);
    node.put("href", base + "/v1/users/" + user.id());
    node.put("id", user.id());
    node.set("images", images(user.id(), PROFILE_IMAGE_SIZES));
    if (scopes.contains(Scopes.USER_READ_PRIVATE)) {
      node.put("product", user.product());
    }
    node.put("type", "user");
    node.put("uri", "spotify:user:" + user.id());
    return node;
  }

  /**
   * A CurrentlyPlayingContextObject for a non-idle snapshot.
   *
   * @param includeEpisodes whether the client asked for {@code additional_types=episode}; if not,
   *     an episode is reported as {@code "item": null} like Spotify does
   * @param marketGiven whether a market was given (track relinking fields instead of markets)
   */
  ObjectNode currentlyPlaying(
      String userId, PlaybackSnapshot playback, boolean includeEpisodes, boolean marketGiven) {
    ObjectNode node = Json.object();
    node.put("timestamp", playback.changedAt().toEpochMilli());
    node.set("context", playlistContext(userId));
    node.put("progress_ms", playback.progressMs());
    if (playback.item() instanceof Track track) {
      node.set("item", track(track, marketGiven));
    } else if (playback.item() instanceof Episode episode && includeEpisodes) {
      node.set("item", episode(episode));
    } else {
      node.putNull("item");
    }
    node.put("currently_playing_type", playback.item().type());
    node.set("actions", disallows(playback));
    node.put("is_playing", playback.isPlaying());
    return node;
  }

  /** The fuller answer of {@code GET /v1/me/player}: device, shuffle and repeat state too. */
  ObjectNode playbackState(
      SandboxUser user, PlaybackSnapshot playback, boolean includeEpisodes, boolean marketGiven) {
    ObjectNode node = Json.object();
    node.putObject("device")
        .put("id", SpotifyIds.derive("device", user.id()))
        .put("is_active", true)
        .put("is_private_session", false)
        .put("is_restricted", false)
        .put("name", user.displayName() + " speaker")
        .put("type", "Speaker")
        .put("volume_percent", 60)
        .put("supports_volume", true);
    node.put("shuffle_state", false);
    node.put("smart_shuffle", false);
    // The scripted queue loops, which is what repeat "context" means.
    node.put("repeat_state", "context");
    node.setAll(currentlyPlaying(user.id(), playback, includeEpisodes, marketGiven));
    return node;
  }

  ObjectNode track(Track track, boolean marketGiven) {
    ObjectNode node = Json.object();
    node.set("album", album(track.album(), marketGiven));
    node.set("artists", artists(track.artists()));
    if (!marketGiven) {
      node.set("available_markets", markets());
    }
    node.put("disc_number", 1);
    node.put("duration_ms", track.durationMs());
    node.put("explicit", track.explicit());
    node.putObject("external_ids").put("isrc", track.isrc());
    node.set("external_urls", externalUrls("track", track.id()));
    node.put("href", base + "/v1/tracks/" + track.id());
    node.put("id", track.id());
    if (marketGiven) {
      node.put("is_playable", true);
    }
    node.put("name", track.name());
    node.put("popularity", track.popularity());
    node.putNull("preview_url");
    node.put("track_number", track.trackNumber());
    node.put("type", "track");
    node.put("uri", track.uri());
    node.put("is_local", false);
    return node;
  }

  ObjectNode episode(Episode episode) {
    ObjectNode node = Json.object();
    node.putNull("audio_preview_url");
    node.put("description", episode.description());
    node.put("html_description", "<p>" + Html.escape(episode.description()) + "</p>");
    node.put("duration_ms", episode.durationMs());
    node.put("explicit", episode.explicit());
    node.set("external_urls", externalUrls("episode", episode.id()));
    node.put("href", base + "/v1/episodes/" + episode.id());
    node.put("id", episode.id());
    node.set("images", images(episode.artworkId(), ARTWORK_SIZES));
    node.put("is_externally_hosted", false);
    node.put("is_playable", true);
    node.put("language", episode.language());
    node.set("languages", Json.array().add(episode.language()));
    node.put("name", episode.name());
    node.put("release_date", episode.releaseDate());
    node.put("release_date_precision", "day");
    node.putObject("resume_point").put("fully_played", false).put("resume_position_ms", 0);
    node.put("type", "episode");
    node.put("uri", episode.uri());
    node.set("show", show(episode.show(), episode.language()));
    return node;
  }

  private ObjectNode album(Album album, boolean marketGiven) {
    ObjectNode node = Json.object();
    node.put("album_type", album.albumType());
    node.put("total_tracks", album.totalTracks());
    if (!marketGiven) {
      node.set("available_markets", markets());
    }
    node.set("external_urls", externalUrls("album", album.id()));
    node.put("href", base + "/v1/albums/" + album.id());
    node.put("id", album.id());
    node.set("images", images(album.id(), ARTWORK_SIZES));
    node.put("name", album.name());
    node.put("release_date", album.releaseDate());
    node.put("release_date_precision", "day");
    node.put("type", "album");
    node.put("uri", "spotify:album:" + album.id());
    node.set("artists", artists(album.artists()));
    return node;
  }

  private ObjectNode show(Show show, String language) {
    ObjectNode node = Json.object();
    node.set("available_markets", markets());
    node.set("copyrights", Json.array());
    node.put("description", show.description());
    node.put("html_description", "<p>" + Html.escape(show.description()) + "</p>");
    node.put("explicit", false);
    node.set("external_urls", externalUrls("show", show.id()));
    node.put("href", base + "/v1/shows/" + show.id());
    node.put("id", show.id());
    node.set("images", images(show.id(), ARTWORK_SIZES));
    node.put("is_externally_hosted", false);
    node.set("languages", Json.array().add(language));
    node.put("media_type", "audio");
    node.put("name", show.name());
    node.put("publisher", show.publisher());
    node.put("type", "show");
    node.put("uri", "spotify:show:" + show.id());
    node.put("total_episodes", show.totalEpisodes());
    return node;
  }

  private ArrayNode artists(List<Artist> artists) {
    ArrayNode array = Json.array();
    for (Artist artist : artists) {
      ObjectNode node = array.addObject();
      node.set("external_urls", externalUrls("artist", artist.id()));
      node.put("href", base + "/v1/artists/" + artist.id());
      node.put("id", artist.id());
      node.put("name", artist.name());
      node.put("type", "artist");
      node.put("uri", "spotify:artist:" + artist.id());
    }
    return array;
  }

  private ObjectNode playlistContext(String userId) {
    String playlistId = SpotifyIds.derive("playlist", userId);
    ObjectNode node = Json.object();
    node.put("type", "playlist");
    node.put("href", base + "/v1/playlists/" + playlistId);
    node.set("external_urls", externalUrls("playlist", playlistId));
    node.put("uri", "spotify:playlist:" + playlistId);
    return node;
  }

  /**
   * Which actions the client cannot take now. Real responses wrap the OpenAPI file's
   * DisallowsObject in {@code "disallows"} and list only the {@code true} entries; the sandbox
   * answers like the real service, so a client that parses it here parses Spotify too.
   */
  private static ObjectNode disallows(PlaybackSnapshot playback) {
    ObjectNode actions = Json.object();
    actions.putObject("disallows").put(playback.isPlaying() ? "resuming" : "pausing", true);
    return actions;
  }

  /** ImageObjects served by the sandbox's own image endpoint, widest first. */
  public ArrayNode images(String artworkId, List<Integer> sizes) {
    ArrayNode array = Json.array();
    for (int size : sizes) {
      array
          .addObject()
          .put("url", base + "/images/" + artworkId + "-" + size + ".png")
          .put("height", size)
          .put("width", size);
    }
    return array;
  }

  /** External links point at the real open.spotify.com, as Spotify's own answers do. */
  private static ObjectNode externalUrls(String type, String id) {
    return Json.object().put("spotify", "https://open.spotify.com/" + type + "/" + id);
  }

  private static ArrayNode markets() {
    ArrayNode array = Json.array();
    MARKETS.forEach(array::add);
    return array;
  }
}
