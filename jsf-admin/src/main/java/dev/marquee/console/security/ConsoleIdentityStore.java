package dev.marquee.console.security;

import dev.marquee.admin.boundary.ConsoleAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Checks console credentials against the accounts in the database (PBKDF2 hashes). */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

  @Inject ConsoleAccounts accounts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return accounts
        .verify(login.getCaller(), login.getPassword().getValue())
        .map(
            admin -> new CredentialValidationResult(admin.username(), Set.of(admin.role().group())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
