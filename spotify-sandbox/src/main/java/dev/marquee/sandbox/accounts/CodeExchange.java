package dev.marquee.sandbox.accounts;

import dev.marquee.sandbox.http.Parameters;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@code authorization_code} grant: checks the code, its client, redirect URI and PKCE
 * verifier, then starts a grant. A code is consumed by the first attempt whatever its outcome;
 * presenting it again revokes the tokens it produced.
 */
final class CodeExchange {

  private final Clock clock;
  private final AuthorizationCodes codes;
  private final TokenService tokens;

  CodeExchange(Clock clock, AuthorizationCodes codes, TokenService tokens) {
    this.clock = clock;
    this.codes = codes;
    this.tokens = tokens;
  }

  /** The user a code was issued for, without using it; for counting calls. */
  Optional<String> userOfCode(String code) {
    return codes.find(code).map(IssuedCode::userId);
  }

  TokenResponse exchange(Parameters form, ClientAuthentication client) throws OAuthError {
    String code =
        form.first("code").orElseThrow(() -> OAuthError.invalidRequest("code must be supplied"));
    String redirectUri =
        form.first("redirect_uri")
            .orElseThrow(() -> OAuthError.invalidRequest("redirect_uri must be supplied"));
    IssuedCode issued =
        codes.find(code).orElseThrow(() -> OAuthError.invalidGrant("Invalid authorization code"));
    // Held for the whole redemption, so a concurrent replay waits until the grant it must
    // revoke has been recorded.
    synchronized (issued) {
      return redeem(issued, form, client, redirectUri);
    }
  }

  private TokenResponse redeem(
      IssuedCode issued, Parameters form, ClientAuthentication client, String redirectUri)
      throws OAuthError {
    if (!issued.markRedeemed()) {
      tokens.revoke(issued.grant());
      throw OAuthError.invalidGrant("Invalid authorization code");
    }
    AuthorizeRequest request = issued.request();
    if (!request.app().clientId().equals(client.app().clientId())) {
      throw OAuthError.invalidGrant("Invalid authorization code");
    }
    if (codes.isExpired(issued)) {
      throw OAuthError.invalidGrant("Authorization code expired");
    }
    if (!request.redirectUri().equals(redirectUri)) {
      throw OAuthError.invalidGrant("Invalid redirect URI");
    }
    checkProofOfPossession(request, form.first("code_verifier"), client);
    Grant grant =
        new Grant(
            request.app().clientId(),
            issued.userId(),
            request.scopes(),
            clock.instant(),
            request.usesPkce());
    issued.recordGrant(grant);
    return tokens.issueForNewGrant(grant);
  }

  /** PKCE replaces the client secret for public clients; without PKCE the secret is required. */
  private static void checkProofOfPossession(
      AuthorizeRequest request, Optional<String> verifier, ClientAuthentication client)
      throws OAuthError {
    if (request.usesPkce()) {
      if (verifier.isEmpty()) {
        throw OAuthError.invalidRequest("code_verifier required");
      }
      if (!Pkce.verifierMatches(verifier.get(), request.codeChallenge())) {
        throw OAuthError.invalidGrant("code_verifier was incorrect");
      }
      return;
    }
    if (verifier.isPresent()) {
      throw OAuthError.invalidGrant("code_verifier was incorrect");
    }
    if (!client.secretVerified()) {
      throw OAuthError.invalidClient("Invalid client secret", false);
    }
  }
}
