package dev.marquee.sandbox.accounts;

import java.net.URI;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An app registered with the accounts service, like one created in Spotify's developer dashboard.
 * Only the SHA-256 of its secret is kept, so the secret never appears in {@link #toString()}, logs,
 * responses or the state file.
 */
public final class ClientApp {

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private final String clientId;
  private final String name;
  private final byte[] secretSha256;
  private final List<URI> redirectUris;

  /**
   * @throws IllegalArgumentException when the id, secret or a redirect URI is not acceptable
   */
  public ClientApp(String clientId, String name, String secret, List<URI> redirectUris) {
    this(clientId, name, hashOf(secret), redirectUris);
  }

  private ClientApp(String clientId, String name, byte[] secretSha256, List<URI> redirectUris) {
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw new IllegalArgumentException(
          "Client id must be 1-128 letters, digits, '.', '_' or '-'");
    }
    this.clientId = clientId;
    this.name = name == null || name.isBlank() ? clientId : name;
    this.secretSha256 = secretSha256;
    this.redirectUris = List.copyOf(Objects.requireNonNull(redirectUris, "redirectUris"));
    this.redirectUris.forEach(RedirectUriRules::requireRegistrable);
  }

  /**
   * An app read back from the state file, which holds only the hash of its secret.
   *
   * @param secretSha256 as returned by {@link #secretSha256()}
   * @throws IllegalArgumentException when a value is not acceptable
   */
  public static ClientApp restored(
      String clientId, String name, String secretSha256, List<URI> redirectUris) {
    byte[] hash;
    try {
      hash = Base64.getUrlDecoder().decode(secretSha256 == null ? "" : secretSha256);
    } catch (IllegalArgumentException e) {
      hash = new byte[0];
    }
    if (hash.length != 32) {
      throw new IllegalArgumentException("Client secret hash must be a base64url SHA-256");
    }
    return new ClientApp(clientId, name, hash, redirectUris);
  }

  private static byte[] hashOf(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("Client secret must not be blank");
    }
    return SecureTokens.sha256Bytes(secret);
  }

  /** The SHA-256 of the secret, base64url without padding; what the state file stores. */
  public String secretSha256() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secretSha256);
  }

  public String clientId() {
    return clientId;
  }

  /** Shown on the consent page. */
  public String name() {
    return name;
  }

  public List<URI> redirectUris() {
    return redirectUris;
  }

  /** Compares hashes in constant time, so response timing does not leak the secret. */
  public boolean secretMatches(String presented) {
    return presented != null
        && MessageDigest.isEqual(secretSha256, SecureTokens.sha256Bytes(presented));
  }

  /**
   * True when {@code requested} equals a registered redirect URI (see {@link RedirectUriRules}).
   */
  public boolean acceptsRedirectUri(String requested) {
    return redirectUris.stream().anyMatch(uri -> RedirectUriRules.matches(uri, requested));
  }

  @Override
  public String toString() {
    return "ClientApp[" + clientId + ", redirectUris=" + redirectUris + "]";
  }
}
