package dev.marquee.console.security;

import dev.marquee.platform.boundary.PublicUrl;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The console's session cookie: {@code SameSite=Lax}, so the browser sends it with navigation to
 * the console but never with a request another site's page makes; {@code Secure} when people reach
 * Marquee over HTTPS (a TLS proxy in front of it counts: the request Marquee sees may be plain
 * HTTP). {@code HttpOnly} is set in {@code web.xml}. (Payara 6 ignores the cookie attributes of
 * {@code web.xml}'s cookie-config, so they are set here.)
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  @Inject PublicUrl publicUrl;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setAttribute("SameSite", "Lax");
    if (publicUrl.isHttps()) {
      cookie.setSecure(true);
    }
  }
}
