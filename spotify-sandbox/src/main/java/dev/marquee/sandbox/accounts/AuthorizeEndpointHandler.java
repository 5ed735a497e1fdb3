package dev.marquee.sandbox.accounts;

import com.sun.net.httpserver.HttpExchange;
import dev.marquee.sandbox.http.Exchanges;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.http.Parameters;
import dev.marquee.sandbox.http.ReplyingHandler;
import dev.marquee.sandbox.users.UserDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /authorize} shows the consent page; {@code POST /authorize/decision} receives the
 * user's answer and redirects back to the app.
 */
final class AuthorizeEndpointHandler extends ReplyingHandler {

  private final AuthorizationServer server;
  private final UserDirectory users;

  AuthorizeEndpointHandler(AuthorizationServer server, UserDirectory users) {
    this.server = server;
    this.users = users;
  }

  @Override
  protected HttpReply reply(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.equals("/authorize")) {
      return method.equals("GET")
          ? showConsent(exchange)
          : HttpReply.text(405, "Method not allowed").withHeader("Allow", "GET");
    }
    if (path.equals("/authorize/decision")) {
      return method.equals("POST")
          ? decide(exchange)
          : HttpReply.text(405, "Method not allowed").withHeader("Allow", "POST");
    }
    return HttpReply.text(404, "Not found");
  }

  private HttpReply showConsent(HttpExchange exchange) {
    AuthorizeOutcome outcome = server.evaluate(Exchanges.query(exchange));
    if (outcome instanceof AuthorizeOutcome.ErrorPage page) {
      return ConsentPage.error(page.status(), page.message());
    }
    if (outcome instanceof AuthorizeOutcome.ErrorRedirect redirect) {
      return HttpReply.redirect(redirect.location());
    }
    AuthorizeRequest request = ((AuthorizeOutcome.Valid) outcome).request();
    return ConsentPage.consent(request, server.holdForConsent(request), users.all());
  }

  private HttpReply decide(HttpExchange exchange) throws IOException {
    Parameters form =
        Parameters.parse(new String(Exchanges.body(exchange), StandardCharsets.US_ASCII));
    Optional<AuthorizeRequest> request = server.takePending(form.first("pending").orElse(null));
    if (request.isEmpty()) {
      return ConsentPage.error(400, "This authorization request expired or was already used.");
    }
    if (!form.first("decision").orElse("").equals("approve")) {
      return HttpReply.redirect(server.deny(request.get()));
    }
    Optional<String> userId = form.first("user").filter(id -> users.find(id).isPresent());
    if (userId.isEmpty()) {
      return ConsentPage.error(400, "Choose an existing sandbox user.");
    }
    return HttpReply.redirect(server.approve(request.get(), userId.get()));
  }
}
