package dev.marquee.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;

/**
 * The security headers every Marquee response carries, whichever module serves it (the console, or
 * the screens' player and API, which are separate web modules in the EAR). Each module adds its own
 * Content Security Policy and framing rule.
 */
public final class SecurityHeaders {

  private SecurityHeaders() {}

  /**
   * No sniffing, no referrer to other sites (invite links and claim links carry secrets), an
   * isolated browsing context, no powerful features, HSTS when Marquee is reached over HTTPS, and
   * no caching.
   *
   * <p>{@code same-origin}, not {@code no-referrer}: under {@code no-referrer} browsers send {@code
   * Origin: null} with every form post, and the console refuses posts whose origin is not its own.
   */
  public static void common(
      HttpServletRequest request, HttpServletResponse response, boolean httpsPublicUrl) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (httpsPublicUrl || request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!request
        .getRequestURI()
        .startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
      response.setHeader("Cache-Control", "no-store");
    }
  }

  /** The origin of a URL, for a CSP source list. */
  public static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
