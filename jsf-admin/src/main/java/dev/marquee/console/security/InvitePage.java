package dev.marquee.console.security;

import dev.marquee.admin.boundary.ConsoleAccounts;
import dev.marquee.admin.boundary.InviteRefusedException;
import dev.marquee.admin.entity.InvalidCredentialsFormatException;
import dev.marquee.console.frame.Notices;
import dev.marquee.console.frame.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Backs the invite page: an invited admin chooses a password through a one-time link. */
@Named
@ViewScoped
public class InvitePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ConsoleAccounts accounts;

  @Inject Notices notices;

  private String token;
  private String username;
  private String refusal;
  private String password;
  private String repeatedPassword;

  /** Reads the link without using it up. */
  public void load() {
    try {
      username = accounts.invitedUsername(token);
    } catch (InviteRefusedException e) {
      refusal = e.getMessage();
      Pages.notFound();
    }
  }

  public void accept() {
    char[] chosen = Pages.typed(password);
    char[] repeated = Pages.typed(repeatedPassword);
    password = null;
    repeatedPassword = null;
    try {
      accounts.acceptInvite(token, chosen, repeated, Pages.request().getRemoteAddr());
      notices.success("Your password is set. Sign in as " + username + ".");
      Pages.redirect("/sign-in.xhtml");
    } catch (InviteRefusedException | InvalidCredentialsFormatException e) {
      Pages.problem(e.getMessage());
    }
  }

  public boolean isUsable() {
    return refusal == null;
  }

  public String getRefusal() {
    return refusal;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getUsername() {
    return username;
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
