package dev.marquee.sandbox.accounts;

import com.sun.net.httpserver.HttpHandler;
import dev.marquee.sandbox.CallGate;
import dev.marquee.sandbox.users.UserDirectory;
import java.time.Clock;
import java.time.Duration;

/**
 * The accounts service ({@code accounts.spotify.com}): registered apps, the authorize flow and the
 * token endpoint, wired together.
 */
public final class Accounts {

  private final AppRegistry apps = new AppRegistry();
  private final TokenService tokens;
  private final AuthorizationServer authorizationServer;
  private final HttpHandler authorizeHandler;
  private final HttpHandler tokenHandler;

  public Accounts(
      Clock clock,
      UserDirectory users,
      Duration accessTokenLifetime,
      boolean rotateRefreshTokens,
      CallGate gate) {
    this.tokens = new TokenService(clock, accessTokenLifetime, rotateRefreshTokens);
    AuthorizationCodes codes = new AuthorizationCodes(clock);
    this.authorizationServer = new AuthorizationServer(clock, apps, users, codes);
    this.authorizeHandler = new AuthorizeEndpointHandler(authorizationServer, users);
    this.tokenHandler =
        new TokenEndpointHandler(apps, new CodeExchange(clock, codes, tokens), tokens, gate);
  }

  public AppRegistry apps() {
    return apps;
  }

  public TokenService tokens() {
    return tokens;
  }

  public AuthorizationServer authorizationServer() {
    return authorizationServer;
  }

  /** Serves {@code /authorize} and {@code /authorize/decision}. */
  public HttpHandler authorizeHandler() {
    return authorizeHandler;
  }

  /** Serves {@code /api/token}. */
  public HttpHandler tokenHandler() {
    return tokenHandler;
  }
}
