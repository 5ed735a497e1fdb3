package dev.marquee.sandbox.accounts;

import com.sun.net.httpserver.HttpExchange;
import dev.marquee.sandbox.CallGate;
import dev.marquee.sandbox.Endpoints;
import dev.marquee.sandbox.http.Exchanges;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.http.Json;
import dev.marquee.sandbox.http.Parameters;
import dev.marquee.sandbox.http.ReplyingHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code POST /api/token}: the three grants Marquee uses, with RFC 6749 error responses. */
final class TokenEndpointHandler extends ReplyingHandler {

  private final AppRegistry apps;
  private final CodeExchange codeExchange;
  private final TokenService tokens;
  private final CallGate gate;

  TokenEndpointHandler(
      AppRegistry apps, CodeExchange codeExchange, TokenService tokens, CallGate gate) {
    this.apps = apps;
    this.codeExchange = codeExchange;
    this.tokens = tokens;
    this.gate = gate;
  }

  @Override
  protected HttpReply reply(HttpExchange exchange) throws IOException, InterruptedException {
    if (!exchange.getRequestURI().getPath().equals("/api/token")) {
      return HttpReply.text(404, "Not found");
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      return HttpReply.text(405, "Method not allowed").withHeader("Allow", "POST");
    }
    // A body that is not a form is read as no parameters, so the grant_type check reports it.
    Parameters form =
        Exchanges.isFormEncoded(exchange)
            ? Parameters.parse(new String(Exchanges.body(exchange), StandardCharsets.US_ASCII))
            : Parameters.none();
    Optional<String> authorization = Exchanges.header(exchange, "Authorization");
    String userId = userHint(form).orElse(null);
    return gate.pass(userId, Endpoints.TOKEN, false, () -> grant(form, authorization));
  }

  /** RFC 6749 has no 5xx error body; a JSON {@code server_error} is what clients parse best. */
  @Override
  protected HttpReply internalError() {
    return TokenReplies.noStore(
        HttpReply.json(
            500,
            Json.object()
                .put("error", "server_error")
                .put("error_description", "Unexpected sandbox error")));
  }

  private HttpReply grant(Parameters form, Optional<String> authorization) {
    try {
      Optional<String> repeated = form.firstRepeated();
      if (repeated.isPresent()) {
        throw OAuthError.invalidRequest("Parameters must not be repeated");
      }
      String grantType =
          form.first("grant_type")
              .orElseThrow(() -> OAuthError.invalidRequest("grant_type parameter is missing"));
      ClientAuthentication client = ClientAuthentication.authenticate(authorization, form, apps);
      return switch (grantType) {
        case "authorization_code" -> codeExchange.exchange(form, client).toReply();
        case "refresh_token" -> refresh(form, client).toReply();
        case "client_credentials" -> clientCredentials(client).toReply();
        default -> throw OAuthError.unsupportedGrantType("grant_type parameter is invalid");
      };
    } catch (OAuthError error) {
      return error.toReply();
    }
  }

  private TokenResponse refresh(Parameters form, ClientAuthentication client) throws OAuthError {
    String refreshToken =
        form.first("refresh_token")
            .orElseThrow(() -> OAuthError.invalidRequest("refresh_token must be supplied"));
    return tokens.refresh(refreshToken, client.app(), client.secretVerified());
  }

  private TokenResponse clientCredentials(ClientAuthentication client) throws OAuthError {
    if (!client.secretVerified()) {
      throw OAuthError.invalidClient("Invalid client secret", false);
    }
    return tokens.issueForClient(client.app().clientId());
  }

  /** The user a token request is about, when the code or refresh token reveals it. */
  private Optional<String> userHint(Parameters form) {
    String grantType = form.first("grant_type").orElse("");
    return switch (grantType) {
      case "authorization_code" -> form.first("code").flatMap(codeExchange::userOfCode);
      case "refresh_token" -> form.first("refresh_token").flatMap(tokens::userOfRefreshToken);
      default -> Optional.empty();
    };
  }
}
