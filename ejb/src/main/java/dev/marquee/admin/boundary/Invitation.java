package dev.marquee.admin.boundary;

import java.net.URI;
import java.time.Instant;

/**
 * A new invite as shown once to the network admin who made it: the link carries the only copy of
 * the token.
 */
public record Invitation(String username, URI link, Instant expiresAt) {

  @Override
  public String toString() {
    return "Invitation[" + username + ", expires " + expiresAt + "]";
  }
}
