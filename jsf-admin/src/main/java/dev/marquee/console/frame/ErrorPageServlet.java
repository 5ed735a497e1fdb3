package dev.marquee.console.frame;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Marquee's own error pages ({@code /errors/*.html}), whatever the method of the request that
 * failed: the container's default servlet serves static files to GET only, so a refused DELETE or
 * PUT would otherwise end on the container's own "403" for the error page itself. The status the
 * error dispatch set is kept; a page asked for directly is served as 200.
 */
@WebServlet("/errors/*")
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String page = request.getPathInfo();
    if (page == null || !page.matches("/[a-z-]+\\.html")) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      page = "/not-found.html";
    }
    try (InputStream html = getServletContext().getResourceAsStream("/errors" + page)) {
      if (html == null) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      response.setContentType("text/html;charset=UTF-8");
      if (!"HEAD".equals(request.getMethod())) {
        html.transferTo(response.getOutputStream());
      }
    }
  }
}
