package dev.marquee.console.spotify;

import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.console.frame.Notices;
import dev.marquee.spotify.boundary.ConnectOutcome;
import dev.marquee.spotify.boundary.SpotifyApps;
import dev.marquee.spotify.boundary.SpotifyConnections;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where Spotify sends the admin back after the consent page ({@value SpotifyApps#CALLBACK_PATH}).
 * It only hands the answer to {@link SpotifyConnections}, then shows the outcome on the console
 * page it redirects to, so a reload never repeats the exchange.
 */
@WebServlet(SpotifyApps.CALLBACK_PATH)
public class SpotifyCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient SpotifyConnections connections;

  @Inject transient ConnectBinding binding;

  @Inject transient Notices notices;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ConnectOutcome outcome =
        connections.complete(
            currentAdmin.require(),
            binding.secret(),
            request.getParameter("state"),
            request.getParameter("code"),
            request.getParameter("error"));
    if (outcome.succeeded()) {
      notices.success(outcome.message());
      response.sendRedirect(request.getContextPath() + "/account.xhtml?id=" + outcome.accountId());
    } else {
      notices.problem(outcome.message());
      response.sendRedirect(request.getContextPath() + "/accounts.xhtml");
    }
  }
}
