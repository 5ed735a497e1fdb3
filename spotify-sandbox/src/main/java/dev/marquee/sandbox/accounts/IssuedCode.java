package dev.marquee.sandbox.accounts;

import java.time.Instant;

/**
 * An authorization code and everything it was issued for. It may be redeemed once; a second attempt
 * revokes the tokens issued from it (RFC 6749 §4.1.2).
 */
final class IssuedCode {

  private final AuthorizeRequest request;
  private final String userId;
  private final Instant expiresAt;
  private boolean redeemed;
  private Grant grant;

  IssuedCode(AuthorizeRequest request, String userId, Instant expiresAt) {
    this.request = request;
    this.userId = userId;
    this.expiresAt = expiresAt;
  }

  AuthorizeRequest request() {
    return request;
  }

  String userId() {
    return userId;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Marks the code as used.
   *
   * @return false when it had been used before
   */
  synchronized boolean markRedeemed() {
    if (redeemed) {
      return false;
    }
    redeemed = true;
    return true;
  }

  synchronized void recordGrant(Grant issued) {
    this.grant = issued;
  }

  /** The grant issued from this code, if the first redemption succeeded. */
  synchronized Grant grant() {
    return grant;
  }
}
