package dev.marquee.console.security;

import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.admin.boundary.SignIns;
import dev.marquee.console.frame.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The sign-out button (a form post, so another site cannot sign an admin out with a link). */
@Named
@RequestScoped
public class SignOut {

  @Inject CurrentAdmin currentAdmin;

  @Inject SignIns signIns;

  public void signOut() throws ServletException {
    HttpServletRequest request = Pages.request();
    currentAdmin.find().ifPresent(admin -> signIns.signedOut(admin, request.getRemoteAddr()));
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    Pages.redirect("/sign-in.xhtml");
  }
}
