package dev.marquee.spotify.control;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.marquee.spotify.control.TokenEndpoint.Purpose;
import dev.marquee.spotify.entity.AuthorizationRequest;
import dev.marquee.spotify.entity.CredentialCheck;
import dev.marquee.spotify.entity.CredentialCheck.Outcome;
import dev.marquee.spotify.entity.SpotifyTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Marquee's OAuth 2.0 client for Spotify's accounts service, built on the Nimbus OAuth 2.0 SDK:
 * Authorization Code with PKCE (S256) to connect an account, refresh to keep it connected, client
 * credentials to check an app's id and secret. The client authenticates with HTTP Basic ({@code
 * client_secret_basic}).
 *
 * <p>Every failure is a {@link SpotifyAccountsException} subclass saying what to do: {@link
 * SpotifyGrantRejectedException} (code or refresh token refused: start again / reconnect), {@link
 * SpotifyClientRejectedException} (wrong client id or secret: an admin must fix them), {@link
 * SpotifyUnavailableException} (no usable answer: retry later) and {@link SpotifyProtocolException}
 * (anything else). No message contains a token, code, verifier or secret.
 *
 * <p>Immutable and thread-safe; no container needed.
 */
public final class SpotifyAccounts {

  /** The scopes Marquee asks for: what is playing, and the player's state. */
  public static final List<String> PLAYBACK_SCOPES =
      List.of("user-read-currently-playing", "user-read-playback-state");

  /** Spotify documents 3600 s; used when an answer leaves out {@code expires_in}. */
  static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

  /** 256 bits of {@code state}. */
  private static final int STATE_BYTES = 32;

  private final SpotifyAccountsSettings settings;
  private final Clock clock;
  private final TokenEndpoint tokenEndpoint;

  /**
   * @param clock the time source for access token expiry
   */
  public SpotifyAccounts(SpotifyAccountsSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tokenEndpoint = new TokenEndpoint(settings);
  }

  /** A fresh, mutable copy of {@link #PLAYBACK_SCOPES} for {@link #start(URI, Scope)}. */
  public static Scope playbackScopes() {
    return new Scope(PLAYBACK_SCOPES.toArray(String[]::new));
  }

  /** Starts an authorization asking for {@link #PLAYBACK_SCOPES}. */
  public AuthorizationRequest start(URI redirectUri) {
    return start(redirectUri, playbackScopes());
  }

  /**
   * Starts an authorization: a new random {@code state} (256 bits) and PKCE code verifier, and the
   * {@code /authorize} URI carrying the S256 challenge. Nothing is sent to Spotify; the caller
   * stores the state and verifier server-side and redirects the browser to the URI.
   *
   * @param redirectUri the callback registered with the Spotify app (HTTPS, or loopback {@code
   *     http://127.0.0.1:PORT}); the same URI must be passed to {@link #exchange}
   */
  public AuthorizationRequest start(URI redirectUri, Scope scopes) {
    requireAbsolute(redirectUri);
    Objects.requireNonNull(scopes, "scopes");
    State state = new State(STATE_BYTES);
    CodeVerifier verifier = new CodeVerifier();
    URI uri =
        new com.nimbusds.oauth2.sdk.AuthorizationRequest.Builder(
                ResponseType.CODE, new ClientID(settings.clientId()))
            .endpointURI(settings.authorizeEndpoint())
            .redirectionURI(redirectUri)
            .scope(new Scope(scopes))
            .state(state)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    return new AuthorizationRequest(uri, state, verifier);
  }

  /**
   * Exchanges the code from Spotify's redirect for the user's tokens.
   *
   * @param redirectUri the URI given to {@link #start} for this authorization
   * @param verifier the verifier {@link #start} returned for this authorization
   * @throws SpotifyGrantRejectedException the code is unknown, used, expired, for another redirect
   *     URI or does not match the verifier: start again
   * @throws SpotifyClientRejectedException the client id or secret is wrong
   * @throws SpotifyUnavailableException no usable answer; the code may still be unused
   * @throws SpotifyProtocolException any other answer, including a success without refresh token
   */
  public SpotifyTokens exchange(String code, URI redirectUri, CodeVerifier verifier)
      throws SpotifyAccountsException {
    requireText(code, "code");
    requireAbsolute(redirectUri);
    Objects.requireNonNull(verifier, "verifier");
    Instant sentAt = clock.instant();
    Tokens tokens =
        tokenEndpoint.request(
            new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier),
            Purpose.AUTHORIZATION_CODE,
            List.of(code, verifier.getValue()));
    RefreshToken refreshToken = tokens.getRefreshToken();
    if (refreshToken == null) {
      throw new SpotifyProtocolException(
          "Spotify gave an unexpected answer to the authorization code exchange: no refresh"
              + " token, so the account could not stay connected.",
          200,
          null);
    }
    return toSpotifyTokens(tokens.getAccessToken(), refreshToken.getValue(), sentAt);
  }

  /**
   * Gets a new access token. When Spotify rotates the refresh token the result holds the new one;
   * when its answer has none (the usual case) the result keeps {@code refreshToken}.
   *
   * @throws SpotifyGrantRejectedException the refresh token was revoked or expired (six months
   *     after the authorization): the account must be reconnected
   * @throws SpotifyClientRejectedException the client id or secret is wrong
   * @throws SpotifyUnavailableException no usable answer: retry later
   * @throws SpotifyProtocolException any other answer
   */
  public SpotifyTokens refresh(String refreshToken) throws SpotifyAccountsException {
    requireText(refreshToken, "refreshToken");
    Instant sentAt = clock.instant();
    Tokens tokens =
        tokenEndpoint.request(
            new RefreshTokenGrant(new RefreshToken(refreshToken)),
            Purpose.REFRESH_TOKEN,
            List.of(refreshToken));
    RefreshToken rotated = tokens.getRefreshToken();
    return toSpotifyTokens(
        tokens.getAccessToken(), rotated == null ? refreshToken : rotated.getValue(), sentAt);
  }

  /**
   * Asks for an app-only token (client credentials grant) to learn whether the client id and secret
   * work; the token itself is thrown away. Never throws for Spotify's answer.
   */
  public CredentialCheck checkCredentials() {
    try {
      tokenEndpoint.request(new ClientCredentialsGrant(), Purpose.CLIENT_CREDENTIALS, List.of());
      return new CredentialCheck(Outcome.OK, "Spotify accepted this client id and secret.");
    } catch (SpotifyClientRejectedException e) {
      return new CredentialCheck(
          Outcome.REJECTED,
          "Spotify refused this client id and secret. Copy both again from the app in Spotify's"
              + " developer dashboard.");
    } catch (SpotifyUnavailableException e) {
      return new CredentialCheck(
          Outcome.UNREACHABLE,
          "Could not check the credentials: Spotify's accounts service is unavailable ("
              + e.reason()
              + "). Try again later.");
    } catch (SpotifyAccountsException e) {
      return new CredentialCheck(Outcome.UNEXPECTED, e.getMessage());
    }
  }

  public SpotifyAccountsSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "SpotifyAccounts[" + settings + "]";
  }

  private static SpotifyTokens toSpotifyTokens(
      AccessToken accessToken, String refreshToken, Instant sentAt) {
    long lifetime = accessToken.getLifetime();
    Duration expiresIn =
        lifetime > 0 ? Duration.ofSeconds(lifetime) : DEFAULT_ACCESS_TOKEN_LIFETIME;
    Scope scope = accessToken.getScope();
    return new SpotifyTokens(
        accessToken.getValue(),
        refreshToken,
        sentAt.plus(expiresIn),
        scope == null ? Set.of() : Set.copyOf(scope.toStringList()));
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requireAbsolute(URI redirectUri) {
    Objects.requireNonNull(redirectUri, "redirectUri");
    if (!redirectUri.isAbsolute()) {
      throw new IllegalArgumentException("The redirect URI must be absolute");
    }
  }
}
