package dev.marquee.spotify.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.marquee.sandbox.SandboxClock;
import dev.marquee.sandbox.SpotifySandbox;
import dev.marquee.spotify.entity.AuthorizationRequest;
import dev.marquee.spotify.entity.SpotifyTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The real Spotify sandbox on an ephemeral port with a clock that only moves when told, a test app
 * with a random secret and two registered redirect URIs, and the demo users.
 */
final class SandboxFixture implements AutoCloseable {

  static final String CLIENT_ID = "marquee-test";
  static final URI REDIRECT_URI = URI.create("http://127.0.0.1:8080/spotify/callback");
  static final URI OTHER_REDIRECT_URI = URI.create("http://127.0.0.1:9090/other/callback");
  static final String USER = "demo-gym";
  static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  final SandboxClock clock;
  final String clientSecret = "test-secret-" + HexFormat.of().formatHex(randomBytes(16));
  final SpotifySandbox sandbox;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  static SandboxFixture start() {
    return start(UnaryOperator.identity());
  }

  static SandboxFixture start(UnaryOperator<SpotifySandbox.Builder> options) {
    SandboxClock clock = SandboxClock.startingNow();
    SpotifySandbox sandbox =
        options
            .apply(
                SpotifySandbox.builder()
                    .port(0)
                    .clock(clock)
                    .accessTokenLifetime(ACCESS_TOKEN_LIFETIME)
                    .demo(true))
            .build();
    SandboxFixture fixture = new SandboxFixture(sandbox, clock);
    try {
      sandbox.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sandbox.registerApp(CLIENT_ID, fixture.clientSecret, List.of(REDIRECT_URI, OTHER_REDIRECT_URI));
    return fixture;
  }

  private SandboxFixture(SpotifySandbox sandbox, SandboxClock clock) {
    this.sandbox = sandbox;
    this.clock = clock;
  }

  SpotifyAccounts client() {
    return client(clientSecret, TIMEOUT);
  }

  SpotifyAccounts client(String secret, Duration readTimeout) {
    return client(CLIENT_ID, secret, readTimeout);
  }

  SpotifyAccounts client(String clientId, String secret, Duration readTimeout) {
    return new SpotifyAccounts(
        new SpotifyAccountsSettings(
            sandbox.baseUri(), clientId, ClientSecret.of(secret), TIMEOUT, readTimeout),
        clock);
  }

  /** The user agrees on the consent page; returns Spotify's redirect, checked for our state. */
  AuthorizationSuccessResponse approve(AuthorizationRequest request) {
    URI redirect = sandbox.approve(request.uri(), USER);
    try {
      AuthorizationResponse response = AuthorizationResponse.parse(redirect);
      assertThat(response.indicatesSuccess()).as("approval of %s", redirect).isTrue();
      AuthorizationSuccessResponse success = response.toSuccessResponse();
      assertThat(success.getState()).isEqualTo(request.state());
      return success;
    } catch (ParseException e) {
      throw new AssertionError("Unreadable redirect " + redirect, e);
    }
  }

  /** The whole connect flow for {@link #USER}. */
  SpotifyTokens connect(SpotifyAccounts accounts) throws SpotifyAccountsException {
    AuthorizationRequest request = accounts.start(REDIRECT_URI);
    String code = approve(request).getAuthorizationCode().getValue();
    return accounts.exchange(code, REDIRECT_URI, request.verifier());
  }

  /** {@code GET /v1/me} with the access token, through java.net.http. */
  HttpResponse<String> me(String accessToken) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(sandbox.baseUri().resolve("/v1/me"))
            .header("Authorization", "Bearer " + accessToken)
            .timeout(TIMEOUT)
            .GET()
            .build();
    return http.send(request, BodyHandlers.ofString());
  }

  /** The Spotify user id {@code GET /v1/me} names. */
  String meId(String accessToken) throws IOException, InterruptedException {
    HttpResponse<String> response = me(accessToken);
    assertThat(response.statusCode()).as("GET /v1/me").isEqualTo(200);
    try {
      var json = JSONObjectUtils.parse(response.body());
      return JSONObjectUtils.getString(json, "id");
    } catch (ParseException e) {
      throw new AssertionError("Unreadable /v1/me answer", e);
    }
  }

  @Override
  public void close() {
    sandbox.close();
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
