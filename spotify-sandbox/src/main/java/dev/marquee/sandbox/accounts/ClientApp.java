package dev.marquee.sandbox.accounts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An app registered with the accounts service, like one created in Spotify's developer dashboard.
 * Its secret never appears in {@link #toString()}, logs or responses.
 */
public final class ClientApp {

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private final String clientId;
  private final String name;
  private final byte[] secret;
  private final List<URI> redirectUris;

  /**
   * @throws IllegalArgumentException when the id, secret or a redirect URI is not acceptable
   */
  public ClientApp(String clientId, String name, String secret, List<URI> redirectUris) {
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw new IllegalArgumentException(
          "Client id must be 1-128 letters, digits, '.', '_' or '-'");
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("Client secret must not be blank");
    }
    this.clientId = clientId;
    this.name = name == null || name.isBlank() ? clientId : name;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.redirectUris = List.copyOf(Objects.requireNonNull(redirectUris, "redirectUris"));
    this.redirectUris.forEach(RedirectUriRules::requireRegistrable);
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

  /** Constant-time comparison so response timing does not leak the secret. */
  public boolean secretMatches(String presented) {
    return presented != null
        && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
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
