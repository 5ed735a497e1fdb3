package dev.marquee.console.security;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.boundary.ConsoleAccounts;
import dev.marquee.admin.boundary.SetupRefusedException;
import dev.marquee.admin.boundary.SignIns;
import dev.marquee.admin.entity.InvalidCredentialsFormatException;
import dev.marquee.console.frame.Notices;
import dev.marquee.console.frame.Pages;
import dev.marquee.organization.boundary.OrganizationNameTakenException;
import dev.marquee.organization.entity.InvalidOrganizationNameException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;

/**
 * Backs first-run setup: with the code from the server log, creates the first network admin and the
 * first organization, and signs the new admin in (no second trip through the sign-in page). Once
 * any account exists the page only points to sign-in.
 */
@Named
@RequestScoped
public class SetupPage {

  @Inject ConsoleAccounts accounts;

  @Inject Notices notices;

  @Inject SessionSignIn sessionSignIn;

  @Inject SignIns signIns;

  private String code;
  private String organizationName;
  private String username;
  private String password;
  private String repeatedPassword;

  public boolean isOpen() {
    return accounts.setupNeeded();
  }

  public void complete() {
    char[] chosen = Pages.typed(password);
    char[] repeated = Pages.typed(repeatedPassword);
    password = null;
    repeatedPassword = null;
    // Setup may clear what it was given; signing in needs the password once more.
    char[] forSignIn = chosen.clone();
    try {
      AdminView admin =
          accounts.completeSetup(
              code, username, chosen, repeated, organizationName, Pages.request().getRemoteAddr());
      signIn(admin.username(), forSignIn);
    } catch (SetupRefusedException
        | InvalidCredentialsFormatException
        | InvalidOrganizationNameException
        | OrganizationNameTakenException e) {
      Pages.problem(e.getMessage());
    } finally {
      Arrays.fill(forSignIn, '\0');
    }
  }

  /**
   * The account was created and committed just before; should signing in fail, the page says so.
   */
  private void signIn(String newUsername, char[] typed) {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = Pages.request();
    HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
    AuthenticationStatus status = sessionSignIn.authenticate(request, response, newUsername, typed);
    if (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE) {
      signIns.succeeded(newUsername, request.getRemoteAddr());
      notices.success("Setup is done: you are signed in as " + newUsername + ".");
      if (status == AuthenticationStatus.SUCCESS) {
        Pages.redirect("/index.xhtml");
      }
      // SEND_CONTINUE: Jakarta Security already sent the browser on to the page first asked for.
      faces.responseComplete();
    } else {
      notices.success("Setup is done. Sign in with the account you just created.");
      Pages.redirect("/sign-in.xhtml");
    }
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getOrganizationName() {
    return organizationName;
  }

  public void setOrganizationName(String organizationName) {
    this.organizationName = organizationName;
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

  public String getRepeatedPassword() {
    return null;
  }

  public void setRepeatedPassword(String repeatedPassword) {
    this.repeatedPassword = repeatedPassword;
  }
}
