package dev.marquee.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address people and Spotify reach Marquee at ({@code marquee.public-url}). Links Marquee hands
 * out (the Spotify redirect URI, invite links) are built from it, never from a request's Host
 * header, which a client chooses.
 */
@ApplicationScoped
public class PublicUrl {

  public static final String KEY = "marquee.public-url";

  @Inject
  @ConfigProperty(name = KEY, defaultValue = "http://127.0.0.1:8080")
  String configured;

  private volatile URI base;

  /** The configured URL without a trailing slash, for example {@code https://marquee.example}. */
  public URI base() {
    URI known = base;
    if (known == null) {
      known = parse(configured);
      base = known;
    }
    return known;
  }

  /** An absolute URL for a path on this server, such as {@code /spotify/callback}. */
  public URI resolve(String absolutePath) {
    if (!absolutePath.startsWith("/")) {
      throw new IllegalArgumentException("Expected an absolute path, not " + absolutePath);
    }
    return URI.create(base() + absolutePath);
  }

  /**
   * The origin of the public URL as a browser writes it in an {@code Origin} header: scheme, host
   * in lower case, and the port only when it is not the scheme's default.
   */
  public String origin() {
    URI uri = base();
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (port == 80 && !isHttps()) || (port == 443 && isHttps());
    return uri.getScheme()
        + "://"
        + uri.getHost().toLowerCase(java.util.Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }

  /**
   * Whether a browser that asked for {@code requestHost} (the request's host name, from its {@code
   * Host} header) is at another address than the public URL's. Only for warning the admin: the
   * {@code Host} header is the client's choice and decides nothing else. Session cookies are per
   * host name, so a console opened at another name than the public URL's loses its session on the
   * way back from Spotify or a QR link.
   */
  public boolean isOtherHost(String requestHost) {
    return requestHost != null && !bare(requestHost).equals(bare(base().getHost()));
  }

  /**
   * Whether the public URL is a loopback address ({@code 127.0.0.1}, {@code localhost}, {@code
   * [::1]}): only a browser on the server's own machine can open it, not a phone scanning a
   * screen's QR code.
   */
  public boolean isLoopback() {
    String host = bare(base().getHost());
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.startsWith("127.")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  /** A host name as compared: lower case, without IPv6 brackets. */
  private static String bare(String host) {
    String lower = host.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("[") && lower.endsWith("]")
        ? lower.substring(1, lower.length() - 1)
        : lower;
  }

  /** Whether people reach Marquee over HTTPS (the console then sends HSTS). */
  public boolean isHttps() {
    return "https".equals(base().getScheme());
  }

  /**
   * Checks and normalizes a configured public URL.
   *
   * @throws IllegalStateException naming the key when the value is not an absolute http(s) URL
   *     without query or fragment
   */
  static URI parse(String value) {
    String trimmed = value == null ? "" : value.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw invalid(value);
    }
    boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
    if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
      throw invalid(value);
    }
    return uri;
  }

  private static IllegalStateException invalid(String value) {
    return new IllegalStateException(
        KEY
            + " must be an absolute http or https URL without query, such as"
            + " https://marquee.example.com, not '"
            + value
            + "'");
  }
}
