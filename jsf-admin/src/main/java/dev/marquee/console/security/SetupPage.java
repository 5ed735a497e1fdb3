package dev.marquee.console.security;

import dev.marquee.admin.boundary.ConsoleAccounts;
import dev.marquee.admin.boundary.SetupRefusedException;
import dev.marquee.admin.entity.InvalidCredentialsFormatException;
import dev.marquee.console.frame.Notices;
import dev.marquee.console.frame.Pages;
import dev.marquee.organization.boundary.OrganizationNameTakenException;
import dev.marquee.organization.entity.InvalidOrganizationNameException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Backs first-run setup: with the code from the server log, creates the first network admin and the
 * first organization. Once any account exists the page only points to sign-in.
 */
@Named
@RequestScoped
public class SetupPage {

  @Inject ConsoleAccounts accounts;

  @Inject Notices notices;

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
    try {
      accounts.completeSetup(
          code, username, chosen, repeated, organizationName, Pages.request().getRemoteAddr());
      notices.success("Setup is done. Sign in with the account you just created.");
      Pages.redirect("/sign-in.xhtml");
    } catch (SetupRefusedException
        | InvalidCredentialsFormatException
        | InvalidOrganizationNameException
        | OrganizationNameTakenException e) {
      Pages.problem(e.getMessage());
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
