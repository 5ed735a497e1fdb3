package dev.marquee.sandbox.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * An issued access token.
 *
 * @param grant the user authorization it belongs to; null for client-credentials tokens
 */
public record AccessToken(
    String value, String clientId, Grant grant, Set<String> scopes, Instant expiresAt) {

  /** The user this token acts for, or null for an app-only token. */
  public String userId() {
    return grant == null ? null : grant.userId();
  }

  @Override
  public String toString() {
    // The token value is a credential: keep it out of logs and assertion messages.
    return "AccessToken[client="
        + clientId
        + ", user="
        + userId()
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
