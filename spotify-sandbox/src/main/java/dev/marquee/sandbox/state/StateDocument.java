package dev.marquee.sandbox.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@code --state-file} keeps across restarts, as written to disk. Tokens and client secrets
 * appear only as SHA-256 hashes (base64url, no padding): the sandbox looks presented values up by
 * their hash, so the file holds nothing a client could present.
 *
 * <p>Instants are ISO-8601 strings ({@link java.time.Instant#toString()}).
 *
 * @param format always {@link #FORMAT}, so another JSON file is not mistaken for state
 * @param version {@link #VERSION}; other versions are treated as unreadable
 * @param savedAt when the file was written, on the sandbox clock
 * @param apps apps registered after the sandbox started (configured apps are recreated by the
 *     command line or test and are not stored)
 * @param users users created after the sandbox started (profile only, not playback)
 * @param grants user authorizations that have not been revoked, with their refresh token
 * @param accessTokens access tokens of standing grants (and app-only ones), until an hour after
 *     they expire, so an expired one is still reported as expired
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StateDocument(
    @JsonProperty("format") String format,
    @JsonProperty("version") int version,
    @JsonProperty("saved_at") String savedAt,
    @JsonProperty("apps") List<App> apps,
    @JsonProperty("users") List<User> users,
    @JsonProperty("grants") List<GrantEntry> grants,
    @JsonProperty("access_tokens") List<AccessTokenEntry> accessTokens) {

  public static final String FORMAT = "marquee-spotify-sandbox-state";
  public static final int VERSION = 1;

  /** A registered app; the secret only as its hash. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record App(
      @JsonProperty("client_id") String clientId,
      @JsonProperty("name") String name,
      @JsonProperty("client_secret_sha256") String clientSecretSha256,
      @JsonProperty("redirect_uris") List<String> redirectUris) {}

  /** A user's profile. */
  public record User(
      @JsonProperty("id") String id,
      @JsonProperty("display_name") String displayName,
      @JsonProperty("email") String email,
      @JsonProperty("country") String country,
      @JsonProperty("product") String product) {}

  /**
   * One user's authorization of one app.
   *
   * @param id referenced by {@link AccessTokenEntry#grant()}; only meaningful within one file
   * @param authorizedAt when the user approved; the refresh token expires six months later
   * @param pkce whether the code was obtained with PKCE (the app may refresh without its secret)
   */
  public record GrantEntry(
      @JsonProperty("id") int id,
      @JsonProperty("refresh_token_sha256") String refreshTokenSha256,
      @JsonProperty("client_id") String clientId,
      @JsonProperty("user_id") String userId,
      @JsonProperty("scopes") List<String> scopes,
      @JsonProperty("authorized_at") String authorizedAt,
      @JsonProperty("pkce") boolean pkce) {}

  /**
   * An access token.
   *
   * @param grant the {@link GrantEntry#id()} it was issued under; null for a client-credentials
   *     token
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AccessTokenEntry(
      @JsonProperty("access_token_sha256") String accessTokenSha256,
      @JsonProperty("client_id") String clientId,
      @JsonProperty("grant") Integer grant,
      @JsonProperty("scopes") List<String> scopes,
      @JsonProperty("expires_at") String expiresAt) {}
}
