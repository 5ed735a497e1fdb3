package dev.marquee.sandbox.accounts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.http.Json;

/**
 * A successful token endpoint answer.
 *
 * @param scope granted scopes, or null for client-credentials tokens (Spotify omits it)
 * @param refreshToken null when no (new) refresh token is issued, so the field is omitted
 */
public record TokenResponse(
    String accessToken, long expiresInSeconds, String scope, String refreshToken) {

  public HttpReply toReply() {
    ObjectNode body =
        Json.object()
            .put("access_token", accessToken)
            .put("token_type", "Bearer")
            .put("expires_in", expiresInSeconds);
    if (scope != null) {
      body.put("scope", scope);
    }
    if (refreshToken != null) {
      body.put("refresh_token", refreshToken);
    }
    return TokenReplies.noStore(HttpReply.json(200, body));
  }

  @Override
  public String toString() {
    return "TokenResponse[expiresIn=" + expiresInSeconds + ", scope=" + scope + "]";
  }
}
