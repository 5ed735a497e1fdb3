package dev.marquee.sandbox.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * An issued access token. Its value is not kept: the sandbox finds it by the value's hash.
 *
 * @param grant the user authorization it belongs to; null for client-credentials tokens
 */
public record AccessToken(String clientId, Grant grant, Set<String> scopes, Instant expiresAt) {

  /** The user this token acts for, or null for an app-only token. */
  public String userId() {
    return grant == null ? null : grant.userId();
  }

  @Override
  public String toString() {
    return "AccessToken[client="
        + clientId
        + ", user="
        + userId()
        + ", expiresAt="
        + expiresAt
        + "]";
  }
}
