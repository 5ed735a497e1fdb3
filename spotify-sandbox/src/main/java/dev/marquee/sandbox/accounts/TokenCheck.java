package dev.marquee.sandbox.accounts;

import java.util.Optional;

/**
 * The verdict on a bearer token presented to the Web API.
 *
 * @param token the token when the sandbox knows it (also when expired or revoked), else null
 */
public record TokenCheck(Verdict verdict, AccessToken token) {

  /** Why a token is or is not accepted. */
  public enum Verdict {
    VALID,
    EXPIRED,
    REVOKED,
    UNKNOWN
  }

  public boolean isValid() {
    return verdict == Verdict.VALID;
  }

  /** The user behind the token even if it no longer works, for counting calls. */
  public Optional<String> userId() {
    return token == null ? Optional.empty() : Optional.ofNullable(token.userId());
  }
}
