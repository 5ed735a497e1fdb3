package dev.marquee.sandbox.accounts;

import dev.marquee.sandbox.http.Parameters;
import dev.marquee.sandbox.users.UserDirectory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code /authorize} logic: validates requests the way Spotify does, holds them while the user
 * decides, and turns a decision into the redirect back to the app. The consent page and the test
 * shortcut both go through here, so they validate identically.
 */
public final class AuthorizationServer {

  static final String INVALID_CLIENT_PAGE = "INVALID_CLIENT: Invalid client";
  static final String INVALID_REDIRECT_PAGE = "INVALID_CLIENT: Invalid redirect URI";

  /** A consent page left open longer than this must be started again. */
  private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

  private record Pending(AuthorizeRequest request, Instant expiresAt) {}

  private final Clock clock;
  private final AppRegistry apps;
  private final UserDirectory users;
  private final AuthorizationCodes codes;
  private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

  AuthorizationServer(
      Clock clock, AppRegistry apps, UserDirectory users, AuthorizationCodes codes) {
    this.clock = clock;
    this.apps = apps;
    this.users = users;
    this.codes = codes;
  }

  /** Validates the query parameters of an {@code /authorize} request. */
  public AuthorizeOutcome evaluate(Parameters params) {
    if (params.isRepeated("client_id")) {
      return new AuthorizeOutcome.ErrorPage(400, INVALID_CLIENT_PAGE);
    }
    Optional<ClientApp> app = apps.find(params.first("client_id").orElse(null));
    if (app.isEmpty()) {
      return new AuthorizeOutcome.ErrorPage(400, INVALID_CLIENT_PAGE);
    }
    String redirectUri = params.first("redirect_uri").orElse(null);
    if (params.isRepeated("redirect_uri") || !app.get().acceptsRedirectUri(redirectUri)) {
      return new AuthorizeOutcome.ErrorPage(400, INVALID_REDIRECT_PAGE);
    }
    String state = params.first("state").orElse(null);
    Optional<String> repeated = params.firstRepeated();
    if (repeated.isPresent()) {
      return errorRedirect(redirectUri, state, "invalid_request", "Repeated parameter");
    }
    if (!params.first("response_type").orElse("").equals("code")) {
      return errorRedirect(redirectUri, state, "unsupported_response_type", null);
    }
    Optional<Set<String>> scopes = Scopes.parse(params.first("scope").orElse(null));
    if (scopes.isEmpty()) {
      return errorRedirect(redirectUri, state, "invalid_scope", "Illegal scope");
    }
    Optional<String> method = params.first("code_challenge_method");
    Optional<String> challenge = params.first("code_challenge");
    if (method.isPresent() || challenge.isPresent()) {
      if (!method.orElse("").equals(Pkce.S256)) {
        return errorRedirect(
            redirectUri, state, "invalid_request", "code_challenge_method must be S256");
      }
      if (challenge.isEmpty()) {
        return errorRedirect(redirectUri, state, "invalid_request", "code_challenge is missing");
      }
      if (!Pkce.isWellFormedChallenge(challenge.get())) {
        return errorRedirect(redirectUri, state, "invalid_request", "code_challenge is invalid");
      }
    }
    return new AuthorizeOutcome.Valid(
        new AuthorizeRequest(app.get(), redirectUri, state, scopes.get(), challenge.orElse(null)));
  }

  /** Keeps a validated request server-side and returns the id the consent form carries. */
  public String holdForConsent(AuthorizeRequest request) {
    Instant now = clock.instant();
    pending.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
    String id = SecureTokens.generate("", 24);
    pending.put(id, new Pending(request, now.plus(PENDING_LIFETIME)));
    return id;
  }

  /** Takes a held request (once); empty when unknown, used or expired. */
  public Optional<AuthorizeRequest> takePending(String id) {
    Pending entry = id == null ? null : pending.remove(id);
    if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(entry.request());
  }

  /**
   * The user approved: issue a code and redirect with it.
   *
   * @throws UserDirectory.UnknownUserException when the user does not exist
   */
  public URI approve(AuthorizeRequest request, String userId) {
    users.require(userId);
    String code = codes.issue(request, userId);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("code", code);
    parameters.put("state", request.state());
    return RedirectUris.withParameters(request.redirectUri(), parameters);
  }

  /** The user declined: redirect with {@code error=access_denied}. */
  public URI deny(AuthorizeRequest request) {
    return ((AuthorizeOutcome.ErrorRedirect)
            errorRedirect(request.redirectUri(), request.state(), "access_denied", null))
        .location();
  }

  /**
   * Plays the user's part for a whole authorize URL, as a test would through a browser.
   *
   * @param approve true to approve as {@code userId}, false to deny
   * @return the redirect back to the app (with a code or an error)
   * @throws AuthorizationPageException when Spotify would show an error page instead
   * @throws UserDirectory.UnknownUserException when approving as an unknown user
   */
  public URI decide(URI authorizeUri, String userId, boolean approve) {
    AuthorizeOutcome outcome = evaluate(Parameters.parse(authorizeUri.getRawQuery()));
    if (outcome instanceof AuthorizeOutcome.ErrorPage page) {
      throw new AuthorizationPageException(page.status(), page.message());
    }
    if (outcome instanceof AuthorizeOutcome.ErrorRedirect redirect) {
      return redirect.location();
    }
    AuthorizeRequest request = ((AuthorizeOutcome.Valid) outcome).request();
    return approve ? approve(request, userId) : deny(request);
  }

  private static AuthorizeOutcome errorRedirect(
      String redirectUri, String state, String error, String description) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("error", error);
    parameters.put("error_description", description);
    parameters.put("state", state);
    return new AuthorizeOutcome.ErrorRedirect(RedirectUris.withParameters(redirectUri, parameters));
  }
}
