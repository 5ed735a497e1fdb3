package dev.marquee.sandbox.accounts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.http.Json;

/**
 * An RFC 6749 §5.2 error from the token endpoint. Descriptions are fixed texts: they never quote
 * what the client sent, so secrets cannot leak through them.
 */
final class OAuthError extends Exception {

  private final int status;
  private final String error;
  private final String description;
  private final boolean basicChallenge;

  private OAuthError(int status, String error, String description, boolean basicChallenge) {
    super(error + ": " + description, null, false, false);
    this.status = status;
    this.error = error;
    this.description = description;
    this.basicChallenge = basicChallenge;
  }

  static OAuthError invalidRequest(String description) {
    return new OAuthError(400, "invalid_request", description, false);
  }

  static OAuthError invalidGrant(String description) {
    return new OAuthError(400, "invalid_grant", description, false);
  }

  /**
   * A failed client authentication. RFC 6749 wants 401 with a challenge when the client tried HTTP
   * Basic; Spotify answers 400 for credentials in the body.
   */
  static OAuthError invalidClient(String description, boolean triedBasic) {
    return new OAuthError(triedBasic ? 401 : 400, "invalid_client", description, triedBasic);
  }

  static OAuthError unsupportedGrantType(String description) {
    return new OAuthError(400, "unsupported_grant_type", description, false);
  }

  HttpReply toReply() {
    ObjectNode body = Json.object().put("error", error).put("error_description", description);
    HttpReply reply = TokenReplies.noStore(HttpReply.json(status, body));
    return basicChallenge
        ? reply.withHeader("WWW-Authenticate", "Basic realm=\"spotify-sandbox\"")
        : reply;
  }
}
