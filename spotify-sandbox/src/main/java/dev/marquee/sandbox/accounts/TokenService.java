package dev.marquee.sandbox.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues, refreshes, checks and revokes tokens, with Spotify's lifetimes: access tokens live for
 * the configured lifetime, refresh tokens until six months after the user's authorization.
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
  private final ConcurrentMap<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Grant> grantsByRefreshToken = new ConcurrentHashMap<>();
  private final AtomicLong issued = new AtomicLong();

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

  /** Starts a user authorization and issues its first access and refresh token. */
  TokenResponse issueForNewGrant(Grant grant) {
    String refreshToken = remember(SecureTokens.generate("AQ", 48));
    grantsByRefreshToken.put(refreshToken, grant);
    return new TokenResponse(
        issueAccessToken(grant.clientId(), grant, grant.scopes()),
        accessTokenLifetime.toSeconds(),
        Scopes.format(grant.scopes()),
        refreshToken);
  }

  /** An app-only token (client credentials grant): no user, no scopes, no refresh token. */
  TokenResponse issueForClient(String clientId) {
    return new TokenResponse(
        issueAccessToken(clientId, null, Set.of()), accessTokenLifetime.toSeconds(), null, null);
  }

  /**
   * Exchanges a refresh token for a new access token, rotating the refresh token when configured
   * (the old one then stops working).
   *
   * @param clientAuthenticated whether the client proved its secret; PKCE grants do not need to
   */
  TokenResponse refresh(String refreshToken, ClientApp client, boolean clientAuthenticated)
      throws OAuthError {
    Grant grant = grantsByRefreshToken.get(refreshToken);
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
      if (!grantsByRefreshToken.remove(refreshToken, grant)) {
        throw OAuthError.invalidGrant("Refresh token revoked");
      }
      rotated = remember(SecureTokens.generate("AQ", 48));
      grantsByRefreshToken.put(rotated, grant);
    }
    return new TokenResponse(
        issueAccessToken(grant.clientId(), grant, grant.scopes()),
        accessTokenLifetime.toSeconds(),
        Scopes.format(grant.scopes()),
        rotated);
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
    AccessToken token = accessToken == null ? null : accessTokens.get(accessToken);
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
    return Optional.ofNullable(refreshToken).map(grantsByRefreshToken::get).map(Grant::userId);
  }

  /** Revokes a grant: its refresh token and access tokens stop working. */
  void revoke(Grant grant) {
    if (grant != null) {
      grant.revoke();
      grantsByRefreshToken.values().removeIf(candidate -> candidate == grant);
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
        value, new AccessToken(value, clientId, grant, scopes, now.plus(accessTokenLifetime)));
    if (issued.incrementAndGet() % PURGE_EVERY_ISSUES == 0) {
      Instant forgetBefore = now.minus(FORGET_EXPIRED_AFTER);
      accessTokens.values().removeIf(token -> token.expiresAt().isBefore(forgetBefore));
    }
    return value;
  }
}
