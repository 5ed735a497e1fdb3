package dev.marquee.sandbox.accounts;

import dev.marquee.sandbox.state.StateDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues, refreshes, checks and revokes tokens, with Spotify's lifetimes: access tokens live for
 * the configured lifetime, refresh tokens until six months after the user's authorization. Tokens
 * are kept under their SHA-256 ({@link SecureTokens#sha256}), never as values, so what {@link
 * #exportGrants} and {@link #exportAccessTokens} hand to the state file is no credential.
 * Thread-safe.
 */
public final class TokenService {

  /** Spotify: refresh tokens expire six months after the user authorized the app. */
  public static final Period REFRESH_TOKEN_LIFETIME = Period.ofMonths(6);

  /** Expired access tokens are forgotten this long after expiry, to bound memory. */
  private static final Duration FORGET_EXPIRED_AFTER = Duration.ofHours(1);

  private static final int PURGE_EVERY_ISSUES = 1024;

  private final Clock clock;
  private final Duration accessTokenLifetime;
  private final boolean rotateRefreshTokens;

  /** Keyed by the SHA-256 of the token value. */
  private final ConcurrentMap<String, AccessToken> accessTokens = new ConcurrentHashMap<>();

  /** Keyed by the SHA-256 of the refresh token. */
  private final ConcurrentMap<String, Grant> grantsByRefreshToken = new ConcurrentHashMap<>();

  private final AtomicLong issued = new AtomicLong();
  private volatile Runnable changeListener = () -> {};

  /** Issued token values, kept for tests that look for leaks; bounded so demos stay small. */
  private final Set<String> issuedValues = ConcurrentHashMap.newKeySet();

  private static final int REMEMBER_ISSUED = 10_000;

  public TokenService(Clock clock, Duration accessTokenLifetime, boolean rotateRefreshTokens) {
    if (accessTokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("Access tokens must live at least one second");
    }
    this.clock = clock;
    this.accessTokenLifetime = accessTokenLifetime;
    this.rotateRefreshTokens = rotateRefreshTokens;
  }

  /**
   * Called after every change worth persisting (a token issued, a grant revoked); the state file
   * uses it to schedule a write. It must be quick and must not throw.
   */
  public void onChange(Runnable listener) {
    this.changeListener = listener == null ? () -> {} : listener;
  }

  private void changed() {
    changeListener.run();
  }

  /** Starts a user authorization and issues its first access and refresh token. */
  TokenResponse issueForNewGrant(Grant grant) {
    String refreshToken = remember(SecureTokens.generate("AQ", 48));
    grantsByRefreshToken.put(SecureTokens.sha256(refreshToken), grant);
    TokenResponse response =
        new TokenResponse(
            issueAccessToken(grant.clientId(), grant, grant.scopes()),
            accessTokenLifetime.toSeconds(),
            Scopes.format(grant.scopes()),
            refreshToken);
    changed();
    return response;
  }

  /** An app-only token (client credentials grant): no user, no scopes, no refresh token. */
  TokenResponse issueForClient(String clientId) {
    TokenResponse response =
        new TokenResponse(
            issueAccessToken(clientId, null, Set.of()),
            accessTokenLifetime.toSeconds(),
            null,
            null);
    changed();
    return response;
  }

  /**
   * Exchanges a refresh token for a new access token, rotating the refresh token when configured
   * (the old one then stops working).
   *
   * @param clientAuthenticated whether the client proved its secret; PKCE grants do not need to
   */
  TokenResponse refresh(String refreshToken, ClientApp client, boolean clientAuthenticated)
      throws OAuthError {
    String refreshTokenHash = refreshToken == null ? null : SecureTokens.sha256(refreshToken);
    Grant grant = refreshTokenHash == null ? null : grantsByRefreshToken.get(refreshTokenHash);
    if (grant == null || grant.isRevoked()) {
      throw OAuthError.invalidGrant("Refresh token revoked");
    }
    if (!grant.clientId().equals(client.clientId())) {
      throw OAuthError.invalidGrant("Invalid refresh token");
    }
    if (!clientAuthenticated && !grant.isPublicClient()) {
      throw OAuthError.invalidClient("Invalid client secret", false);
    }
    if (!clock.instant().isBefore(refreshTokenExpiry(grant))) {
      throw OAuthError.invalidGrant("Refresh token expired");
    }
    String rotated = null;
    if (rotateRefreshTokens) {
      // Only one of two concurrent refreshes with the same token may win the rotation.
      if (!grantsByRefreshToken.remove(refreshTokenHash, grant)) {
        throw OAuthError.invalidGrant("Refresh token revoked");
      }
      rotated = remember(SecureTokens.generate("AQ", 48));
      grantsByRefreshToken.put(SecureTokens.sha256(rotated), grant);
    }
    TokenResponse response =
        new TokenResponse(
            issueAccessToken(grant.clientId(), grant, grant.scopes()),
            accessTokenLifetime.toSeconds(),
            Scopes.format(grant.scopes()),
            rotated);
    changed();
    return response;
  }

  /**
   * Every access and refresh token issued so far (up to the first {@value #REMEMBER_ISSUED}), so a
   * test can search logs and pages for them.
   */
  public Set<String> issuedTokens() {
    return Set.copyOf(issuedValues);
  }

  private String remember(String token) {
    if (issuedValues.size() < REMEMBER_ISSUED) {
      issuedValues.add(token);
    }
    return token;
  }

  public TokenCheck check(String accessToken) {
    AccessToken token =
        accessToken == null ? null : accessTokens.get(SecureTokens.sha256(accessToken));
    if (token == null) {
      return new TokenCheck(TokenCheck.Verdict.UNKNOWN, null);
    }
    if (token.grant() != null && token.grant().isRevoked()) {
      return new TokenCheck(TokenCheck.Verdict.REVOKED, token);
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      return new TokenCheck(TokenCheck.Verdict.EXPIRED, token);
    }
    return new TokenCheck(TokenCheck.Verdict.VALID, token);
  }

  /** The user a refresh token belongs to, without using it; for counting calls. */
  Optional<String> userOfRefreshToken(String refreshToken) {
    return Optional.ofNullable(refreshToken)
        .map(SecureTokens::sha256)
        .map(grantsByRefreshToken::get)
        .map(Grant::userId);
  }

  /** Revokes a grant: its refresh token and access tokens stop working. */
  void revoke(Grant grant) {
    if (grant != null) {
      grant.revoke();
      grantsByRefreshToken.values().removeIf(candidate -> candidate == grant);
      changed();
    }
  }

  /**
   * Revokes every authorization the user gave to any app.
   *
   * @return how many authorizations were revoked
   */
  public int revokeUser(String userId) {
    List<Grant> grants =
        grantsByRefreshToken.values().stream()
            .filter(grant -> grant.userId().equals(userId))
            .distinct()
            .toList();
    grants.forEach(this::revoke);
    return grants.size();
  }

  public Instant refreshTokenExpiry(Grant grant) {
    return grant.authorizedAt().atOffset(ZoneOffset.UTC).plus(REFRESH_TOKEN_LIFETIME).toInstant();
  }

  private String issueAccessToken(String clientId, Grant grant, Set<String> scopes) {
    Instant now = clock.instant();
    String value = remember(SecureTokens.generate("BQ", 96));
    accessTokens.put(
        SecureTokens.sha256(value),
        new AccessToken(clientId, grant, scopes, now.plus(accessTokenLifetime)));
    if (issued.incrementAndGet() % PURGE_EVERY_ISSUES == 0) {
      Instant forgetBefore = now.minus(FORGET_EXPIRED_AFTER);
      accessTokens.values().removeIf(token -> token.expiresAt().isBefore(forgetBefore));
    }
    return value;
  }

  // ---- the state file ----

  /**
   * The grants that still stand (revoked ones are gone from the map), each with the hash of its
   * refresh token and an id that {@link #exportAccessTokens} refers to. Grants past their six
   * months are kept, so a refresh after a restart still says "Refresh token expired".
   */
  public Exported exportState() {
    Map<Grant, Integer> ids = new IdentityHashMap<>();
    List<StateDocument.GrantEntry> grants = new ArrayList<>();
    for (Map.Entry<String, Grant> entry : grantsByRefreshToken.entrySet()) {
      Grant grant = entry.getValue();
      if (grant.isRevoked()) {
        continue;
      }
      int id = ids.computeIfAbsent(grant, unused -> ids.size() + 1);
      grants.add(
          new StateDocument.GrantEntry(
              id,
              entry.getKey(),
              grant.clientId(),
              grant.userId(),
              sorted(grant.scopes()),
              grant.authorizedAt().toString(),
              grant.isPublicClient()));
    }
    // Recently expired tokens are kept as long as memory keeps them, so they still answer "The
    // access token expired" rather than "Invalid access token" after a restart.
    Instant forgetBefore = clock.instant().minus(FORGET_EXPIRED_AFTER);
    List<StateDocument.AccessTokenEntry> tokens = new ArrayList<>();
    for (Map.Entry<String, AccessToken> entry : accessTokens.entrySet()) {
      AccessToken token = entry.getValue();
      if (token.expiresAt().isBefore(forgetBefore)) {
        continue;
      }
      Integer grantId = null;
      if (token.grant() != null) {
        grantId = ids.get(token.grant());
        if (grantId == null) {
          // Revoked (or rotated away and revoked): it would answer 401 anyway.
          continue;
        }
      }
      tokens.add(
          new StateDocument.AccessTokenEntry(
              entry.getKey(),
              token.clientId(),
              grantId,
              sorted(token.scopes()),
              token.expiresAt().toString()));
    }
    return new Exported(List.copyOf(grants), List.copyOf(tokens));
  }

  /** What {@link #exportState()} returns: the two lists of the state document. */
  public record Exported(
      List<StateDocument.GrantEntry> grants, List<StateDocument.AccessTokenEntry> accessTokens) {}

  /**
   * Adds grants and access tokens read from the state file, replacing nothing already known.
   * Everything is checked before anything is added, so a bad entry leaves the service as it was.
   *
   * @throws IllegalArgumentException naming the first entry that cannot be used
   */
  public void restore(
      List<StateDocument.GrantEntry> grants, List<StateDocument.AccessTokenEntry> tokens) {
    Map<Integer, Grant> byId = new HashMap<>();
    Map<String, Grant> refreshTokens = new HashMap<>();
    for (StateDocument.GrantEntry entry : grants) {
      requireHash(entry.refreshTokenSha256(), "grant " + entry.id() + " refresh_token_sha256");
      requireText(entry.clientId(), "grant " + entry.id() + " client_id");
      requireText(entry.userId(), "grant " + entry.id() + " user_id");
      Grant grant =
          byId.computeIfAbsent(
              entry.id(),
              id ->
                  new Grant(
                      entry.clientId(),
                      entry.userId(),
                      Set.copyOf(entry.scopes() == null ? List.of() : entry.scopes()),
                      instant(entry.authorizedAt(), "grant " + id + " authorized_at"),
                      entry.pkce()));
      refreshTokens.put(entry.refreshTokenSha256(), grant);
    }
    Map<String, AccessToken> restoredTokens = new HashMap<>();
    for (StateDocument.AccessTokenEntry entry : tokens) {
      requireHash(entry.accessTokenSha256(), "access token access_token_sha256");
      requireText(entry.clientId(), "access token client_id");
      Grant grant = null;
      if (entry.grant() != null) {
        grant = byId.get(entry.grant());
        if (grant == null) {
          throw new IllegalArgumentException(
              "access token refers to unknown grant " + entry.grant());
        }
      }
      restoredTokens.put(
          entry.accessTokenSha256(),
          new AccessToken(
              entry.clientId(),
              grant,
              Set.copyOf(entry.scopes() == null ? List.of() : entry.scopes()),
              instant(entry.expiresAt(), "access token expires_at")));
    }
    refreshTokens.forEach(grantsByRefreshToken::putIfAbsent);
    restoredTokens.forEach(accessTokens::putIfAbsent);
  }

  private static List<String> sorted(Set<String> scopes) {
    return scopes.stream().sorted().toList();
  }

  private static void requireHash(String value, String what) {
    requireText(value, what);
    if (!value.matches("[A-Za-z0-9_-]{43}")) {
      throw new IllegalArgumentException(what + " is not a base64url SHA-256");
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
  }

  private static Instant instant(String value, String what) {
    requireText(value, what);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + " is not an ISO-8601 instant");
    }
  }
}
