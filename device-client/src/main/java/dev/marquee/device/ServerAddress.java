package dev.marquee.device;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the Marquee server is, as given with {@code --server}, and the screens WebSocket endpoint
 * under it.
 *
 * <p>{@code ws://} and {@code wss://} are taken as they are; {@code http://} and {@code https://}
 * map to {@code ws://} and {@code wss://}. {@value #SCREEN_PATH} is appended to whatever base path
 * is given: {@code ws://host:8080} becomes {@code ws://host:8080/ws/screen}, {@code
 * https://host/marquee} becomes {@code wss://host/marquee/ws/screen}.
 */
record ServerAddress(URI endpoint) {
  /** The screens endpoint, relative to the server's base path. */
  static final String SCREEN_PATH = "/ws/screen";

  private static final String SCHEMES = "ws://, wss://, http:// or https://";

  /**
   * Parses a {@code --server} value.
   *
   * @throws UsageException if it is not an absolute ws, wss, http or https URL with a host, or if
   *     it carries credentials, a query or a fragment
   */
  static ServerAddress parse(String value) throws UsageException {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new UsageException("--server '" + value + "' is not a URL: " + e.getReason());
    }
    if (uri.getScheme() == null || uri.isOpaque()) {
      throw new UsageException("--server '" + value + "' must start with " + SCHEMES);
    }
    String scheme =
        switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
          case "ws", "http" -> "ws";
          case "wss", "https" -> "wss";
          default ->
              throw new UsageException(
                  "--server '" + value + "' has scheme '" + uri.getScheme() + "': use " + SCHEMES);
        };
    if (uri.getHost() == null) {
      throw new UsageException("--server '" + value + "' has no host name");
    }
    if (uri.getPort() > 65535) {
      throw new UsageException("--server '" + value + "' has port " + uri.getPort());
    }
    if (uri.getRawUserInfo() != null) {
      throw new UsageException(
          "--server '" + value + "' carries credentials: screens never authenticate in the URL");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new UsageException("--server '" + value + "' must not have a query or a fragment");
    }
    String basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    return new ServerAddress(
        URI.create(scheme + "://" + uri.getRawAuthority() + basePath + SCREEN_PATH));
  }

  /**
   * The HTTP address of a path under the server's base: {@code ws://host:8080} and {@code
   * /api/screens/pairing} give {@code http://host:8080/api/screens/pairing}.
   */
  URI http(String path) {
    String screens = endpoint.toString();
    String base = screens.substring(0, screens.length() - SCREEN_PATH.length());
    String scheme = endpoint.getScheme().equals("wss") ? "https" : "http";
    return URI.create(scheme + base.substring(endpoint.getScheme().length()) + path);
  }

  /** The host name, for what the screen and the logs say. */
  String host() {
    return endpoint.getHost();
  }

  @Override
  public String toString() {
    return endpoint.toString();
  }
}
