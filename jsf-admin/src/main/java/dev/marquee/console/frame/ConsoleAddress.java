package dev.marquee.console.frame;

import dev.marquee.platform.boundary.PublicUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the console is, compared with where the admin opened it: the layout's warning when the
 * browser is at another host name than the public URL's, and the pages' word when the public URL is
 * one phones cannot open.
 */
@Named
@RequestScoped
public class ConsoleAddress {

  @Inject PublicUrl publicUrl;

  /**
   * Whether the browser asked for another host name than the public URL's (say {@code localhost}
   * for {@code 127.0.0.1}): sign-in, Connect and QR links would end at the public URL, where this
   * browser has no session. Read from the {@code Host} header, which only decides this warning.
   */
  public boolean isOther() {
    return publicUrl.isOtherHost(Pages.request().getServerName());
  }

  /** The page shown, at the public URL: where the warning sends the admin. */
  public String getRight() {
    HttpServletRequest request = Pages.request();
    // The sign-in page is forwarded to in place of the page asked for: link to that one.
    Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    String uri = forwarded instanceof String original ? original : request.getRequestURI();
    Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
    String query = forwarded != null ? (String) forwardedQuery : request.getQueryString();
    String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    try {
      return publicUrl
          .resolve(path.startsWith("/") ? path : "/" + path)
          .toString()
          .concat(query == null ? "" : "?" + query);
    } catch (IllegalArgumentException e) {
      // A path that is no URI after all: the console's home at the right address still helps.
      return publicUrl.base() + "/";
    }
  }

  /** The public URL's origin, for the browser to compare with the address it really uses. */
  public String getPublicOrigin() {
    return publicUrl.origin();
  }

  /** The configured public URL, for pages that explain it. */
  public String getPublicUrl() {
    return publicUrl.base().toString();
  }

  /** Whether only the server's own machine can open the public URL (no phone can). */
  public boolean isLoopback() {
    return publicUrl.isLoopback();
  }
}
