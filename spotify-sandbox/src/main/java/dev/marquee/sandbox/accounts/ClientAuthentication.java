package dev.marquee.sandbox.accounts;

import dev.marquee.sandbox.http.Parameters;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is calling the token endpoint: HTTP Basic ({@code base64(id:secret)}), {@code
 * client_id}/{@code client_secret} in the body, or only {@code client_id} (a PKCE public client).
 *
 * @param app the registered app
 * @param secretVerified true when the client proved its secret (a confidential client)
 */
record ClientAuthentication(ClientApp app, boolean secretVerified) {

  /**
   * Identifies and authenticates the client.
   *
   * @throws OAuthError {@code invalid_client} for unknown clients or wrong secrets, {@code
   *     invalid_request} for conflicting credentials
   */
  static ClientAuthentication authenticate(
      Optional<String> authorizationHeader, Parameters form, AppRegistry apps) throws OAuthError {
    if (authorizationHeader.isPresent()) {
      return fromBasic(authorizationHeader.get(), form, apps);
    }
    ClientApp app =
        apps.find(form.first("client_id").orElse(null))
            .orElseThrow(() -> OAuthError.invalidClient("Invalid client", false));
    Optional<String> secret = form.first("client_secret");
    if (secret.isEmpty()) {
      return new ClientAuthentication(app, false);
    }
    if (!app.secretMatches(secret.get())) {
      throw OAuthError.invalidClient("Invalid client secret", false);
    }
    return new ClientAuthentication(app, true);
  }

  private static ClientAuthentication fromBasic(String header, Parameters form, AppRegistry apps)
      throws OAuthError {
    String[] idAndSecret = decodeBasic(header);
    if (form.has("client_secret")) {
      // RFC 6749 §2.3: a client must not use more than one authentication method.
      throw OAuthError.invalidRequest("Use only one client authentication method");
    }
    Optional<String> bodyClientId = form.first("client_id");
    if (bodyClientId.isPresent() && !bodyClientId.get().equals(idAndSecret[0])) {
      throw OAuthError.invalidRequest("client_id does not match the authenticated client");
    }
    ClientApp app =
        apps.find(idAndSecret[0])
            .orElseThrow(() -> OAuthError.invalidClient("Invalid client", true));
    if (!app.secretMatches(idAndSecret[1])) {
      throw OAuthError.invalidClient("Invalid client secret", true);
    }
    return new ClientAuthentication(app, true);
  }

  /** RFC 6749 §2.3.1: id and secret are form-encoded, joined by a colon, then base64. */
  private static String[] decodeBasic(String header) throws OAuthError {
    String[] schemeAndValue = header.trim().split("\\s+", 2);
    if (schemeAndValue.length != 2 || !schemeAndValue[0].toLowerCase(Locale.ROOT).equals("basic")) {
      throw OAuthError.invalidClient("Invalid client", true);
    }
    try {
      String decoded =
          new String(Base64.getDecoder().decode(schemeAndValue[1]), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw OAuthError.invalidClient("Invalid client", true);
      }
      return new String[] {
        URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
      };
    } catch (IllegalArgumentException e) {
      throw OAuthError.invalidClient("Invalid client", true);
    }
  }
}
