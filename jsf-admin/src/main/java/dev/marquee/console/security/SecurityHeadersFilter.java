package dev.marquee.console.security;

import dev.marquee.platform.boundary.PublicUrl;
import dev.marquee.platform.boundary.ServerInfo;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Security headers on every response. The console runs no JavaScript and no inline styles, so its
 * Content Security Policy allows only its own files; forms may post only to the console and to
 * Spotify's authorize page (the Connect button redirects there). Pages are never cached, so after
 * sign-out the back button shows nothing of an organization.
 *
 * <p>The browser player ({@code /player/}) runs only its own scripts too, but shows album art from
 * Spotify's image hosts (any HTTPS origin: Spotify moves them; the sandbox's own origin in a demo),
 * talks to the server over its WebSocket, posts no forms, and may be framed by the console's own
 * pages for the live preview.
 */
@WebFilter(filterName = "SecurityHeaders", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Where the browser player lives (see {@code web/}). */
  static final String PLAYER = "/player/";

  @Inject transient ServerInfo serverInfo;

  @Inject transient PublicUrl publicUrl;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean player = request.getRequestURI().startsWith(request.getContextPath() + PLAYER);
    response.setHeader("Content-Security-Policy", player ? playerPolicy() : policy());
    response.setHeader("X-Frame-Options", player ? "SAMEORIGIN" : "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    // Invite links carry a token: no page passes its address on to another site.
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (publicUrl.isHttps() || request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!request
        .getRequestURI()
        .startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }

  private String playerPolicy() {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: "
        + origin(serverInfo.spotifyAccountsUrl())
        + "; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self';"
        + " form-action 'none'";
  }

  private String policy() {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
        + origin(serverInfo.spotifyAccountsUrl());
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
