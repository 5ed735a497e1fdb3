package dev.marquee.console.widgets;

import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.screen.boundary.Previews;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * The state a screen showing a widget configuration gets now, as JSON, for the live preview on the
 * widgets page: the browser player in a frame asks for it every few seconds with the admin's
 * session; while it asks, the configuration's accounts are polled as if a screen showed them. The
 * options are the admin's unsaved draft when the form has one ({@link PreviewDrafts}). Only a
 * signed-in admin who may manage the configuration gets it (the console's security constraint
 * covers this path); anything else is a 404 that says nothing about whether the configuration
 * exists.
 */
@WebServlet(PreviewStateServlet.PATH)
public class PreviewStateServlet extends HttpServlet {

  public static final String PATH = "/widgets/preview";

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient Previews previews;

  @Inject transient PreviewDrafts drafts;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    try {
      UUID configuration = UUID.fromString(String.valueOf(request.getParameter("configuration")));
      String state = previews.preview(currentAdmin.require(), configuration).message();
      response.getWriter().write(drafts.applyTo(configuration, state));
    } catch (IllegalArgumentException | NotFoundException e) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response
          .getWriter()
          .write(
              Json.createObjectBuilder()
                  .add("error", "No widget configuration of yours has this id.")
                  .build()
                  .toString());
    }
  }
}
