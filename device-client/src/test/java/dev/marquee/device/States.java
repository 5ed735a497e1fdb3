package dev.marquee.device;

import java.time.Instant;

/** State messages as the server writes them (docs/screens-protocol.md), for tests. */
final class States {
  private States() {}

  static final String WELCOME =
      "{\"type\":\"welcome\",\"screen\":{\"id\":\"s1\",\"name\":\"Front desk\"},\"serverTime\":"
          + "%d}";

  static String welcome() {
    return String.format(WELCOME, System.currentTimeMillis());
  }

  static String playing(String version, String title, String artUrl) {
    return "{\"type\":\"state\",\"version\":\""
        + version
        + "\",\"serverTime\":"
        + System.currentTimeMillis()
        + ",\"configuration\":{\"id\":\"c\",\"name\":\"Lobby\"},\"widgetRevision\":1,"
        + "\"options\":{\"theme\":\"dark\",\"show_progress\":true,\"animation\":\"fade\","
        + "\"idle\":\"placeholder\"},\"idle\":false,\"source\":0,\"status\":\"LIVE\","
        + "\"data\":{\"kind\":\"track\",\"track_name\":\""
        + title
        + "\",\"artist_name\":\"The Feeders\",\"album_name\":\"Live\",\"album_art_url\":\""
        + artUrl
        + "\",\"album_art_small_url\":\"\",\"duration_ms\":215000,\"duration_formatted\":\"3:35\","
        + "\"progress_ms\":73000,\"progress_formatted\":\"1:13\",\"progress_percent\":\"34.0%\","
        + "\"is_playing\":true,\"fetched_at\":\""
        + Instant.now()
        + "\"},\"sources\":[{\"status\":\"LIVE\",\"playing\":true,\"paused\":false}]}";
  }
}
