package dev.marquee.console.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * How admins sign in: a Faces sign-in page ({@code /sign-in.xhtml}) that authenticates through
 * {@link jakarta.security.enterprise.SecurityContext}, so throttling and auditing happen in one
 * place ({@link SignInPage}); a protected page visited first is shown again after sign-in.
 *
 * <p>The sign-in page is forwarded to, not redirected to: the container's redirect would be an
 * absolute URL built from the request's {@code Host} header, which the client chooses.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/sign-in.xhtml", errorPage = "", useForwardToLogin = true))
@DeclareRoles({ConsoleSecurity.NETWORK_ADMIN, ConsoleSecurity.ORGANIZATION_ADMIN})
@ApplicationScoped
public class ConsoleSecurity {

  public static final String NETWORK_ADMIN = "network-admin";
  public static final String ORGANIZATION_ADMIN = "organization-admin";
}
