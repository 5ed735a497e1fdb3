package dev.marquee.spotify.control;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * One call to Spotify's token endpoint with {@code client_secret_basic}, and the mapping of its
 * answer: Nimbus builds the request and parses the answer; every failure becomes one of the {@link
 * SpotifyAccountsException} subclasses, with a message that quotes nothing secret.
 */
final class TokenEndpoint {

  /** What a token request is for; changes how a refused grant is explained. */
  enum Purpose {
    AUTHORIZATION_CODE(
        "the authorization code exchange",
        "Spotify refused the authorization code%s. Start connecting the account again."),
    REFRESH_TOKEN(
        "the token refresh",
        "Spotify refused the refresh token%s: the account must be reconnected."),
    /** No grant to refuse: {@code invalid_grant} here is unexpected. */
    CLIENT_CREDENTIALS("the credentials check", null);

    private final String label;
    private final String grantRefused;

    Purpose(String label, String grantRefused) {
      this.label = label;
      this.grantRefused = grantRefused;
    }
  }

  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

  private final SpotifyAccountsSettings settings;

  TokenEndpoint(SpotifyAccountsSettings settings) {
    this.settings = settings;
  }

  /**
   * Sends the grant and returns what Spotify issued.
   *
   * @param sent the secret values the grant carries (code, verifier, refresh token), so that no
   *     text Spotify echoes can repeat them
   */
  Tokens request(AuthorizationGrant grant, Purpose purpose, Collection<String> sent)
      throws SpotifyAccountsException {
    String clientSecret = settings.clientSecret().reveal();
    List<String> secrets = new ArrayList<>(sent);
    secrets.add(clientSecret);
    Secret secret = new Secret(clientSecret);
    HTTPResponse response;
    try {
      TokenRequest request =
          new TokenRequest.Builder(
                  settings.tokenEndpoint(),
                  new ClientSecretBasic(new ClientID(settings.clientId()), secret),
                  grant)
              .build();
      HTTPRequest http = request.toHTTPRequest();
      http.setConnectTimeout((int) settings.connectTimeout().toMillis());
      http.setReadTimeout((int) settings.readTimeout().toMillis());
      // A token endpoint that redirects is misconfigured; never resend credentials elsewhere.
      http.setFollowRedirects(false);
      http.setAccept("application/json");
      response = http.send();
    } catch (IOException e) {
      throw new SpotifyUnavailableException(reasonFor(e), 0, null, e);
    } finally {
      secret.erase();
    }
    return read(response, purpose, secrets);
  }

  private Tokens read(HTTPResponse response, Purpose purpose, Collection<String> secrets)
      throws SpotifyAccountsException {
    int status = response.getStatusCode();
    if (status == HTTPResponse.SC_OK) {
      return success(response, purpose);
    }
    if (status >= 500) {
      throw new SpotifyUnavailableException("it answered HTTP " + status, status, null, null);
    }
    if (status == 429) {
      throw new SpotifyUnavailableException(
          "it asked to slow down (HTTP 429)", status, retryAfter(response).orElse(null), null);
    }
    // Lenient: an answer that is not an OAuth error object yields an error without a code.
    ErrorObject error = ErrorObject.parse(response);
    String code = error.getCode();
    String details =
        SpotifyText.description(error.getDescription(), secrets)
            .map(d -> " (" + d + ")")
            .orElse("");
    if (OAuth2Error.INVALID_GRANT.getCode().equals(code) && purpose.grantRefused != null) {
      throw new SpotifyGrantRejectedException(
          String.format(purpose.grantRefused, details), status, code);
    }
    if (OAuth2Error.INVALID_CLIENT.getCode().equals(code)
        || (code == null && status == HTTPResponse.SC_UNAUTHORIZED)) {
      throw new SpotifyClientRejectedException(
          "Spotify refused this client id and secret"
              + details
              + ". Check them against the app in Spotify's developer dashboard.",
          status,
          code);
    }
    String shownCode = SpotifyText.errorCode(code, secrets).map(c -> ", " + c).orElse("");
    throw new SpotifyProtocolException(
        "Spotify gave an unexpected answer to "
            + purpose.label
            + ": HTTP "
            + status
            + shownCode
            + details
            + ".",
        status,
        code);
  }

  private static Tokens success(HTTPResponse response, Purpose purpose)
      throws SpotifyAccountsException {
    Tokens tokens;
    try {
      tokens = AccessTokenResponse.parse(response).getTokens();
    } catch (ParseException e) {
      // The cause is dropped on purpose: its message may quote the body, tokens included.
      throw new SpotifyUnavailableException(
          "its answer could not be read", response.getStatusCode(), null, null);
    }
    if (!AccessTokenType.BEARER.equals(tokens.getAccessToken().getType())) {
      throw new SpotifyProtocolException(
          "Spotify gave an unexpected answer to "
              + purpose.label
              + ": a token of type "
              + tokens.getAccessToken().getType()
              + " instead of Bearer.",
          response.getStatusCode(),
          null);
    }
    return tokens;
  }

  private String reasonFor(IOException e) {
    if (e instanceof SocketTimeoutException) {
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      return message.contains("connect")
          ? "no connection within " + SpotifyText.duration(settings.connectTimeout())
          : "no answer within " + SpotifyText.duration(settings.readTimeout());
    }
    if (e instanceof UnknownHostException) {
      return "the host name " + settings.tokenEndpoint().getHost() + " could not be resolved";
    }
    if (e instanceof ConnectException) {
      return "the connection to " + settings.tokenEndpoint().getRawAuthority() + " was refused";
    }
    if (e instanceof NoRouteToHostException) {
      return "there is no network route to " + settings.tokenEndpoint().getHost();
    }
    if (e instanceof SSLException) {
      return "the secure connection failed (" + e.getClass().getSimpleName() + ")";
    }
    return "the connection failed (" + e.getClass().getSimpleName() + ")";
  }

  /** {@code Retry-After} in seconds; the HTTP-date form is not used by Spotify. */
  private static Optional<Duration> retryAfter(HTTPResponse response) {
    String value = response.getHeaderValue("Retry-After");
    if (value == null || !SECONDS.matcher(value.strip()).matches()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
  }
}
