package dev.marquee.console.security;

import dev.marquee.platform.boundary.PublicUrl;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The console's session cookie is {@code Secure} when people reach Marquee over HTTPS (a TLS proxy
 * in front of it counts: the request Marquee sees may be plain HTTP). {@code HttpOnly} is set in
 * {@code web.xml}, {@code SameSite=Lax} in {@code payara-web.xml} / {@code glassfish-web.xml}.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  @Inject PublicUrl publicUrl;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    if (publicUrl.isHttps()) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
    }
  }
}
