package dev.marquee.console.screens;

import dev.marquee.console.security.SignInPage;
import dev.marquee.screen.control.PairingCodes;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a waiting screen's QR code points ({@code /claim?code=…}): an admin scanning it with a
 * phone lands on the claim page with the code filled in, after signing in when needed. Public, so
 * the code survives the sign-in: the container's redirect to the sign-in page keeps no query. Only
 * a well-formed code is carried on; anything else is dropped, never echoed into a redirect.
 */
@WebServlet(ClaimLinkServlet.PATH)
public class ClaimLinkServlet extends HttpServlet {

  public static final String PATH = "/claim";

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String code = request.getParameter("code");
    String claimPage =
        "/pair.xhtml"
            + (PairingCodes.wellFormed(PairingCodes.normalize(code))
                ? "?code=" + URLEncoder.encode(code.strip(), StandardCharsets.UTF_8)
                : "");
    response.setHeader("Cache-Control", "no-store");
    if (request.getUserPrincipal() != null) {
      response.sendRedirect(request.getContextPath() + claimPage);
      return;
    }
    SignInPage.continueAfterSignIn(request, claimPage);
    response.sendRedirect(request.getContextPath() + "/sign-in.xhtml");
  }
}
