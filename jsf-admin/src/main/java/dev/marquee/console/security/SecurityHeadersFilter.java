package dev.marquee.console.security;

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
 * Security headers on every console response, error pages included. The console runs no inline
 * script and no inline styles (its one script is a file of its own), so its Content Security Policy
 * allows only its own files; forms may post only to the console and to Spotify's authorize page
 * (the Connect button redirects there). Pages are never cached, so after sign-out the back button
 * shows nothing of an organization; the icon is.
 *
 * <p>What screens load (the player and the API) gets its headers from the screens module's own
 * filter, which serves it in the single WAR and the EAR alike.
 */
@WebFilter(
    filterName = "SecurityHeaders",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient ServerInfo serverInfo;

  @Inject transient PublicUrl publicUrl;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!servesScreens(request)) {
      SecurityHeaders.common(request, response, publicUrl.isHttps());
      response.setHeader("Content-Security-Policy", policy());
      response.setHeader("X-Frame-Options", "DENY");
      if (isIcon(request)) {
        // The icon is the same for everyone and changes only with a release.
        response.setHeader("Cache-Control", "public, max-age=86400");
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean servesScreens(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/player") || path.startsWith("/player/") || path.startsWith("/api/");
  }

  private static boolean isIcon(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/favicon.ico") || path.equals("/favicon.svg");
  }

  private String policy() {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
        + SecurityHeaders.origin(serverInfo.spotifyAccountsUrl());
  }
}
