package dev.marquee.sandbox.webapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.marquee.sandbox.CallGate;
import dev.marquee.sandbox.Endpoints;
import dev.marquee.sandbox.accounts.AccessToken;
import dev.marquee.sandbox.accounts.Scopes;
import dev.marquee.sandbox.accounts.TokenCheck;
import dev.marquee.sandbox.accounts.TokenService;
import dev.marquee.sandbox.http.Exchanges;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.http.Parameters;
import dev.marquee.sandbox.http.ReplyingHandler;
import dev.marquee.sandbox.playback.PlaybackSnapshot;
import dev.marquee.sandbox.users.SandboxAccount;
import dev.marquee.sandbox.users.UserDirectory;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Web API under {@code /v1}. Every call is authenticated with a bearer token, counted, may be
 * hit by an injected fault, and is subject to the per-app rolling-window rate limit, in that order.
 */
public final class WebApiHandler extends ReplyingHandler {

  private static final Pattern MARKET = Pattern.compile("[A-Z]{2}|from_token");

  private interface Endpoint {
    HttpReply answer(AccessToken token, Parameters query);
  }

  private record Route(String name, Endpoint endpoint) {}

  private final TokenService tokens;
  private final UserDirectory users;
  private final SpotifyObjects objects;
  private final RollingWindowRateLimiter rateLimiter;
  private final CallGate gate;
  private final Map<String, Route> routes;

  public WebApiHandler(
      TokenService tokens,
      UserDirectory users,
      SpotifyObjects objects,
      RollingWindowRateLimiter rateLimiter,
      CallGate gate) {
    this.tokens = tokens;
    this.users = users;
    this.objects = objects;
    this.rateLimiter = rateLimiter;
    this.gate = gate;
    this.routes =
        Map.of(
            "/v1/me", new Route(Endpoints.ME, this::me),
            "/v1/me/player/currently-playing",
                new Route(Endpoints.CURRENTLY_PLAYING, this::currentlyPlaying),
            "/v1/me/player", new Route(Endpoints.PLAYER, this::playbackState));
  }

  @Override
  protected HttpReply reply(HttpExchange exchange) throws IOException, InterruptedException {
    Route route = routes.get(exchange.getRequestURI().getPath());
    if (route == null) {
      return ApiErrors.error(404, "Service not found");
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      return ApiErrors.error(405, "Method not allowed").withHeader("Allow", "GET");
    }
    Optional<String> authorization = Exchanges.header(exchange, "Authorization");
    if (authorization.isEmpty()) {
      gate.count(null, route.name());
      return ApiErrors.unauthorized("No token provided");
    }
    Optional<String> bearer = bearerToken(authorization.get());
    if (bearer.isEmpty()) {
      gate.count(null, route.name());
      return ApiErrors.error(400, "Only valid bearer authentication supported");
    }
    TokenCheck check = tokens.check(bearer.get());
    String userId = check.userId().orElse(null);
    if (!check.isValid()) {
      gate.count(userId, route.name());
      return ApiErrors.unauthorized(
          check.verdict() == TokenCheck.Verdict.EXPIRED
              ? "The access token expired"
              : "Invalid access token");
    }
    Parameters query = Exchanges.query(exchange);
    AccessToken token = check.token();
    return gate.pass(userId, route.name(), true, () -> rateLimited(token, query, route));
  }

  @Override
  protected HttpReply internalError() {
    return ApiErrors.error(500, "Server error.");
  }

  private HttpReply rateLimited(AccessToken token, Parameters query, Route route) {
    Optional<Duration> retryAfter = rateLimiter.tryAcquire(token.clientId());
    if (retryAfter.isPresent()) {
      long seconds = Math.max(1, (retryAfter.get().toMillis() + 999) / 1000);
      return ApiErrors.error(429, "API rate limit exceeded")
          .withHeader("Retry-After", Long.toString(seconds));
    }
    return route.endpoint().answer(token, query);
  }

  private HttpReply me(AccessToken token, Parameters query) {
    Optional<SandboxAccount> account = users.find(token.userId());
    if (account.isEmpty()) {
      return ApiErrors.unauthorized("This request requires user authentication.");
    }
    return HttpReply.json(200, objects.user(account.get().user(), token.scopes()));
  }

  private HttpReply currentlyPlaying(AccessToken token, Parameters query) {
    return playback(
        token,
        query,
        (account, snapshot, episodes, market) ->
            objects.currentlyPlaying(account.id(), snapshot, episodes, market),
        Scopes.USER_READ_CURRENTLY_PLAYING,
        Scopes.USER_READ_PLAYBACK_STATE);
  }

  private HttpReply playbackState(AccessToken token, Parameters query) {
    return playback(
        token,
        query,
        (account, snapshot, episodes, market) ->
            objects.playbackState(account.user(), snapshot, episodes, market),
        Scopes.USER_READ_PLAYBACK_STATE);
  }

  private interface PlaybackRenderer {
    ObjectNode render(
        SandboxAccount account, PlaybackSnapshot snapshot, boolean episodes, boolean market);
  }

  /** Shared by both player endpoints: scope check, parameters, 204 when nothing plays. */
  private HttpReply playback(
      AccessToken token, Parameters query, PlaybackRenderer renderer, String... anyOfScopes) {
    if (!Scopes.containsAny(token.scopes(), anyOfScopes)) {
      return ApiErrors.error(403, "Insufficient client scope");
    }
    Optional<SandboxAccount> account = users.find(token.userId());
    if (account.isEmpty()) {
      return ApiErrors.unauthorized("This request requires user authentication.");
    }
    Optional<String> market = query.first("market");
    if (market.isPresent() && !MARKET.matcher(market.get()).matches()) {
      return ApiErrors.error(400, "Invalid market code");
    }
    PlaybackSnapshot snapshot = account.get().player().snapshot();
    if (snapshot.isIdle()) {
      return HttpReply.empty(204);
    }
    boolean episodes =
        Arrays.stream(query.first("additional_types").orElse("").split(","))
            .map(type -> type.trim().toLowerCase(Locale.ROOT))
            .anyMatch("episode"::equals);
    return HttpReply.json(
        200, renderer.render(account.get(), snapshot, episodes, market.isPresent()));
  }

  private static Optional<String> bearerToken(String header) {
    String[] schemeAndToken = header.trim().split("\\s+", 2);
    if (schemeAndToken.length != 2
        || !schemeAndToken[0].toLowerCase(Locale.ROOT).equals("bearer")) {
      return Optional.empty();
    }
    return Optional.of(schemeAndToken[1]);
  }
}
