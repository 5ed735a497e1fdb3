package dev.marquee.console.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs a browser's session in with a username and password, through Jakarta Security (the same
 * identity store and mechanism as every other sign-in). The sign-in page and first-run setup use
 * it; throttling and auditing stay with them.
 */
@RequestScoped
public class SessionSignIn {

  @Inject SecurityContext security;

  /**
   * Authenticates the session under a new session id: an id planted before sign-in (session
   * fixation) is worthless afterwards. The session's attributes stay.
   */
  AuthenticationStatus authenticate(
      HttpServletRequest request, HttpServletResponse response, String username, char[] password) {
    request.getSession(true);
    request.changeSessionId();
    return security.authenticate(
        request,
        response,
        withParams()
            .credential(new UsernamePasswordCredential(username, new Password(password)))
            .newAuthentication(true));
  }
}
