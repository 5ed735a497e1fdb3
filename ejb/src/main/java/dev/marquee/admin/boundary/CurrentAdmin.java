package dev.marquee.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * The admin behind the current request, read from Jakarta Security and the database once per
 * request. Features ask it who is calling instead of trusting ids sent by the browser.
 */
@RequestScoped
public class CurrentAdmin {

  @Inject SecurityContext security;

  @Inject HttpServletRequest request;

  @Inject ConsoleAccounts accounts;

  private Optional<AdminView> admin;

  /** The signed-in admin, or empty when nobody (or an account since deleted) is signed in. */
  public Optional<AdminView> find() {
    if (admin == null) {
      admin = lookUp();
    }
    return admin;
  }

  /**
   * The signed-in admin.
   *
   * @throws NotSignedInException when nobody is signed in
   */
  public AdminView require() {
    return find().orElseThrow(NotSignedInException::new);
  }

  /** The address the request came from, for the audit log. */
  public String clientAddress() {
    return request.getRemoteAddr();
  }

  private Optional<AdminView> lookUp() {
    Principal principal = security.getCallerPrincipal();
    if (principal == null) {
      return Optional.empty();
    }
    return accounts.active(principal.getName());
  }
}
