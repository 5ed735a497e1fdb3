package dev.marquee.sandbox.accounts;

import java.util.Set;

/**
 * A validated {@code /authorize} request, kept server-side while the user decides so that the
 * decision form cannot change the client or redirect URI.
 *
 * @param redirectUri exactly as sent, because the token request must repeat it verbatim
 * @param state opaque client value echoed back, or null
 * @param codeChallenge S256 challenge, or null for a confidential client not using PKCE
 */
public record AuthorizeRequest(
    ClientApp app, String redirectUri, String state, Set<String> scopes, String codeChallenge) {

  public AuthorizeRequest {
    scopes = Set.copyOf(scopes);
  }

  public boolean usesPkce() {
    return codeChallenge != null;
  }
}
