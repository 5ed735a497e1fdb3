package dev.marquee.sandbox.accounts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Spotify's redirect URI rules: HTTPS, or HTTP on a loopback IP literal ({@code 127.0.0.1} or
 * {@code [::1]}); never {@code localhost}. Requests must use a registered URI exactly, except that
 * a loopback URI registered without a port accepts any port (RFC 8252 §7.3).
 */
public final class RedirectUriRules {

  private RedirectUriRules() {}

  /**
   * @throws IllegalArgumentException saying what is wrong with the URI
   */
  public static void requireRegistrable(URI uri) {
    Objects.requireNonNull(uri, "redirect URI");
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("Redirect URI must be absolute: " + uri);
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("Redirect URI must not have a fragment: " + uri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("localhost")) {
      throw new IllegalArgumentException(
          "localhost is not allowed as redirect URI; use http://127.0.0.1:PORT instead: " + uri);
    }
    if (scheme.equals("https")) {
      return;
    }
    if (scheme.equals("http") && isLoopbackLiteral(host)) {
      return;
    }
    throw new IllegalArgumentException(
        "Redirect URI must use HTTPS unless it is a loopback address"
            + " (http://127.0.0.1:PORT or http://[::1]:PORT): "
            + uri);
  }

  /** Whether a redirect URI sent to /authorize or /api/token matches a registered one. */
  public static boolean matches(URI registered, String requested) {
    if (requested == null) {
      return false;
    }
    if (registered.toString().equals(requested)) {
      return true;
    }
    if (registered.getPort() != -1 || !isLoopbackLiteral(registered.getHost())) {
      return false;
    }
    try {
      URI candidate = new URI(requested);
      URI withoutPort =
          new URI(
              candidate.getScheme(),
              candidate.getRawUserInfo(),
              candidate.getHost(),
              -1,
              candidate.getRawPath(),
              candidate.getRawQuery(),
              candidate.getRawFragment());
      return candidate.getPort() != -1 && registered.toString().equals(withoutPort.toString());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean isLoopbackLiteral(String host) {
    return host != null && (host.equals("127.0.0.1") || host.equals("[::1]"));
  }
}
