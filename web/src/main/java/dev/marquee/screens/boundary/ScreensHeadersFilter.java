package dev.marquee.screens.boundary;

import dev.marquee.platform.boundary.PublicUrl;
import dev.marquee.platform.boundary.SecurityHeaders;
import dev.marquee.platform.boundary.ServerInfo;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on what screens load: the browser player and the JSON API. They live in the
 * module that serves them, so the player is as safe in the EAR's screens WAR ({@code
 * /screens/player/}) as in the single WAR ({@code /player/}).
 *
 * <p>The player runs only its own scripts, shows album art from Spotify's image hosts (any HTTPS
 * origin: Spotify moves them; the sandbox's own origin in a demo), talks to the server over its
 * WebSocket and the API, posts no forms, and may be framed only by the console's own pages (the
 * live preview, same origin). The API answers JSON and SVG only: nothing in it may run or be
 * framed.
 */
@WebFilter(
    filterName = "ScreensHeaders",
    urlPatterns = {"/player/*", "/player", "/api/*"},
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class ScreensHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient ServerInfo serverInfo;

  @Inject transient PublicUrl publicUrl;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    SecurityHeaders.common(request, response, publicUrl.isHttps());
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    response.setHeader("Content-Security-Policy", api ? API_POLICY : playerPolicy());
    response.setHeader("X-Frame-Options", api ? "DENY" : "SAMEORIGIN");
    chain.doFilter(request, response);
  }

  /** The QR code is an SVG: it may draw, never run or load anything. */
  private static final String API_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private String playerPolicy() {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: "
        + SecurityHeaders.origin(serverInfo.spotifyAccountsUrl())
        + "; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self';"
        + " form-action 'none'";
  }
}
