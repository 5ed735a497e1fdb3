package dev.marquee.spotify.control;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach Spotify's accounts service and who Marquee is there.
 *
 * @param baseUri the accounts service, e.g. {@code https://accounts.spotify.com} or the sandbox's
 *     base URI; {@code /authorize} and {@code /api/token} are resolved against it
 * @param clientId the Spotify app's client id
 * @param clientSecret the Spotify app's client secret
 * @param connectTimeout how long to wait for a connection to the token endpoint
 * @param readTimeout how long to wait for the token endpoint's answer once connected
 */
public record SpotifyAccountsSettings(
    URI baseUri,
    String clientId,
    ClientSecret clientSecret,
    Duration connectTimeout,
    Duration readTimeout) {

  /** Spotify's own accounts service. */
  public static final URI SPOTIFY_ACCOUNTS = URI.create("https://accounts.spotify.com");

  /**
   * @throws IllegalArgumentException when the base URI is not an absolute http(s) URI without query
   *     or fragment, the client id is blank, or a timeout is not between 1 ms and about 24 days
   */
  public SpotifyAccountsSettings {
    baseUri = normalized(baseUri);
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("The Spotify client id must not be blank");
    }
    Objects.requireNonNull(clientSecret, "clientSecret");
    requireTimeout(connectTimeout, "connect");
    requireTimeout(readTimeout, "read");
  }

  /** {@code /authorize} under the base URI. */
  public URI authorizeEndpoint() {
    return URI.create(baseUri + "/authorize");
  }

  /** {@code /api/token} under the base URI. */
  public URI tokenEndpoint() {
    return URI.create(baseUri + "/api/token");
  }

  @Override
  public String toString() {
    return "SpotifyAccountsSettings[baseUri="
        + baseUri
        + ", clientId="
        + clientId
        + ", clientSecret=***, connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }

  private static URI normalized(URI uri) {
    Objects.requireNonNull(uri, "baseUri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || !(scheme.equals("https") || scheme.equals("http"))
        || uri.getRawAuthority() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "The Spotify accounts URI must be an http or https URI without user, query or fragment,"
              + " e.g. https://accounts.spotify.com");
    }
    String text = uri.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }

  private static void requireTimeout(Duration timeout, String which) {
    Objects.requireNonNull(timeout, which + "Timeout");
    if (timeout.compareTo(Duration.ofMillis(1)) < 0
        || timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(
          "The " + which + " timeout must be between 1 ms and " + Integer.MAX_VALUE + " ms");
    }
  }
}
