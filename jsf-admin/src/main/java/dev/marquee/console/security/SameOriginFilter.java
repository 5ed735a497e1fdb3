package dev.marquee.console.security;

import dev.marquee.platform.boundary.PublicUrl;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * A console form is accepted only from the console's own pages: a POST whose {@code Origin} header
 * names another origin than {@code marquee.public-url}'s is refused with 403 before anything reads
 * it (a cross-site post, or a console opened at another address, where the Spotify flows could not
 * finish either). Browsers send {@code Origin} on every POST; a request without one (a script, an
 * old client) is left to the view-state check. The screens' API is not the console's and is left
 * out.
 */
@WebFilter(filterName = "SameOrigin", urlPatterns = "/*")
public class SameOriginFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SameOriginFilter.class.getName());

  @Inject transient PublicUrl publicUrl;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    if ("POST".equals(request.getMethod())
        && origin != null
        && !isApi(request)
        && !publicUrl.origin().equals(origin.toLowerCase(Locale.ROOT))) {
      LOG.info(
          () ->
              "Refused a console form posted from another origin to "
                  + request.getRequestURI()
                  + " from "
                  + request.getRemoteAddr());
      refuse(response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private void refuse(HttpServletResponse response) throws IOException {
    String console = publicUrl.base().toString();
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Refused ·"
                + " Marquee</title></head><body><main><h1 id=\"error-title\">Form refused</h1>"
                + "<p>This form was not sent from Marquee's console at "
                + escape(console)
                + ", so nothing was changed. Open <a href=\""
                + escape(console)
                + "/\">"
                + escape(console)
                + "</a> and try again there.</p></main></body></html>");
  }

  /** The public URL is the operator's configuration, but still goes into HTML escaped. */
  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
