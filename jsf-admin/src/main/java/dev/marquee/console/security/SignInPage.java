package dev.marquee.console.security;

import dev.marquee.admin.boundary.ConsoleAccounts;
import dev.marquee.admin.boundary.SignIns;
import dev.marquee.console.frame.Pages;
import dev.marquee.platform.boundary.ServerInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/** Backs the sign-in page: throttle, authenticate, audit, then continue where the admin was. */
@Named
@RequestScoped
public class SignInPage {

  @Inject SessionSignIn sessionSignIn;

  @Inject SignIns signIns;

  @Inject ConsoleAccounts accounts;

  @Inject ServerInfo serverInfo;

  /** Session attribute: the console path to open after sign-in (set by Marquee, never a URL). */
  static final String CONTINUE_WITH = SignInPage.class.getName() + ".continueWith";

  private String username;
  private String password;

  /**
   * After the next successful sign-in in this session, open {@code consolePath} instead of the
   * overview.
   *
   * @param consolePath a path of this console that Marquee built, starting with {@code /}
   */
  public static void continueAfterSignIn(HttpServletRequest request, String consolePath) {
    if (!consolePath.startsWith("/") || consolePath.startsWith("//")) {
      throw new IllegalArgumentException("not a console path: " + consolePath);
    }
    request.getSession(true).setAttribute(CONTINUE_WITH, consolePath);
  }

  /** On a fresh installation the only way in is setup. */
  public void redirectToSetupIfNeeded() {
    if (serverInfo.database().ready() && accounts.setupNeeded()) {
      Pages.redirect("/setup.xhtml");
    }
  }

  public void signIn() {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = Pages.request();
    HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
    String address = request.getRemoteAddr();
    char[] typed = Pages.typed(password);
    password = null;
    Optional<String> refusal = signIns.admit(username, address);
    if (refusal.isPresent()) {
      Pages.problem(refusal.get());
      return;
    }
    String continueWith = (String) request.getSession(true).getAttribute(CONTINUE_WITH);
    AuthenticationStatus status = sessionSignIn.authenticate(request, response, username, typed);
    switch (status) {
      case SUCCESS, SEND_CONTINUE -> {
        signIns.succeeded(username, address);
        if (status == AuthenticationStatus.SUCCESS) {
          request.getSession().removeAttribute(CONTINUE_WITH);
          Pages.redirect(continueWith == null ? "/index.xhtml" : continueWith);
        }
        faces.responseComplete();
      }
      default -> {
        signIns.failed(username, address);
        // Nothing of the failed attempt may linger: Jakarta Security keeps its own state in the
        // session, and a protected page asked for next must again lead to this page.
        request.getSession().invalidate();
        if (continueWith != null) {
          request.getSession(true).setAttribute(CONTINUE_WITH, continueWith);
        }
        Pages.problem("Wrong username or password.");
      }
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
