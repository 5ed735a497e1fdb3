package dev.marquee.sandbox.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * One user's authorization of one app: the thing a refresh token stands for. Revoking it kills its
 * refresh token and every access token issued under it.
 */
public final class Grant {

  private final String clientId;
  private final String userId;
  private final Set<String> scopes;
  private final Instant authorizedAt;
  private final boolean publicClient;
  private volatile boolean revoked;

  /**
   * @param publicClient true when the code was obtained with PKCE, which lets the app refresh with
   *     only its client id (Spotify's PKCE flow)
   */
  Grant(
      String clientId,
      String userId,
      Set<String> scopes,
      Instant authorizedAt,
      boolean publicClient) {
    this.clientId = clientId;
    this.userId = userId;
    this.scopes = Set.copyOf(scopes);
    this.authorizedAt = authorizedAt;
    this.publicClient = publicClient;
  }

  public String clientId() {
    return clientId;
  }

  public String userId() {
    return userId;
  }

  public Set<String> scopes() {
    return scopes;
  }

  public Instant authorizedAt() {
    return authorizedAt;
  }

  boolean isPublicClient() {
    return publicClient;
  }

  public boolean isRevoked() {
    return revoked;
  }

  void revoke() {
    revoked = true;
  }
}
