package dev.marquee.spotify.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.marquee.spotify.control.StubTokenEndpoint.Answer;
import dev.marquee.spotify.entity.CredentialCheck.Outcome;
import dev.marquee.spotify.entity.SpotifyTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers the sandbox does not give, and the exact shape of what the client sends. */
class TokenEndpointAnswersTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final URI REDIRECT_URI = URI.create("https://marquee.example/spotify/callback");
  private static final String SECRET = "stub-client-secret-4f1c9a";

  private StubTokenEndpoint stub;
  private SpotifyAccounts accounts;

  @BeforeEach
  void startStub() {
    stub = StubTokenEndpoint.start();
    accounts =
        new SpotifyAccounts(
            new SpotifyAccountsSettings(
                stub.baseUri(),
                "stub-client",
                ClientSecret.of(SECRET.toCharArray()),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5)),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stopStub() {
    stub.close();
  }

  @Test
  void theCodeExchangeAuthenticatesWithHttpBasicAndSendsTheVerifier() throws Exception {
    stub.answer(
        Answer.json(
            200,
            "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"rt-1\",\"scope\":\"user-read-playback-state\"}"));
    CodeVerifier verifier = new CodeVerifier();

    SpotifyTokens tokens = accounts.exchange("the-code", REDIRECT_URI, verifier);

    assertThat(tokens)
        .isEqualTo(
            new SpotifyTokens(
                "at-1",
                "rt-1",
                NOW.plusSeconds(3600),
                java.util.Set.of("user-read-playback-state")));
    StubTokenEndpoint.Received sent = stub.received().get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/api/token");
    assertThat(sent.authorization()).startsWith("Basic ");
    assertThat(
            new String(
                Base64.getDecoder().decode(sent.authorization().substring(6)),
                StandardCharsets.UTF_8))
        .isEqualTo("stub-client:" + SECRET);
    Map<String, List<String>> form = URLUtils.parseParameters(sent.body());
    assertThat(form)
        .containsEntry("grant_type", List.of("authorization_code"))
        .containsEntry("code", List.of("the-code"))
        .containsEntry("redirect_uri", List.of(REDIRECT_URI.toString()))
        .containsEntry("code_verifier", List.of(verifier.getValue()))
        .doesNotContainKey("client_secret");
  }

  @Test
  void aCodeExchangeWithoutRefreshTokenIsAProtocolError() {
    stub.answer(
        Answer.json(
            200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":60}"));

    assertThatThrownBy(() -> accounts.exchange("the-code", REDIRECT_URI, new CodeVerifier()))
        .isInstanceOf(SpotifyProtocolException.class)
        .hasMessageContaining("no refresh token");
  }

  @Test
  void aMissingExpiresInMeansSpotifysDocumentedHour() throws Exception {
    stub.answer(Answer.json(200, "{\"access_token\":\"at-2\",\"token_type\":\"Bearer\"}"));

    SpotifyTokens tokens = accounts.refresh("rt-old");

    assertThat(tokens.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(tokens.refreshToken()).isEqualTo("rt-old");
    assertThat(tokens.scopes()).isEmpty();
    assertThat(URLUtils.parseParameters(stub.received().get(0).body()))
        .containsEntry("grant_type", List.of("refresh_token"))
        .containsEntry("refresh_token", List.of("rt-old"));
  }

  @Test
  void anUnknownOAuthErrorIsAProtocolErrorNamingIt() {
    stub.answer(
        Answer.json(
            400,
            "{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant_type parameter"
                + " is invalid\"}"));

    assertThatThrownBy(() -> accounts.refresh("rt-old"))
        .isInstanceOf(SpotifyProtocolException.class)
        .hasMessage(
            "Spotify gave an unexpected answer to the token refresh: HTTP 400,"
                + " unsupported_grant_type (grant_type parameter is invalid).")
        .satisfies(
            e ->
                assertThat(((SpotifyAccountsException) e).spotifyError())
                    .contains("unsupported_grant_type"));
    assertThat(accounts.checkCredentials().outcome()).isEqualTo(Outcome.UNEXPECTED);
  }

  @Test
  void aRedirectIsNotFollowedAndIsAProtocolError() {
    stub.answer(
        new Answer(302, null, "", Map.of("Location", "https://elsewhere.example/api/token")));

    assertThatThrownBy(() -> accounts.refresh("rt-old"))
        .isInstanceOf(SpotifyProtocolException.class)
        .hasMessageContaining("HTTP 302");
    assertThat(stub.received()).hasSize(1);
  }

  @Test
  void a401WithoutAnOAuthErrorIsAClientRejection() {
    stub.answer(new Answer(401, "text/plain", "Unauthorized", Map.of()));

    assertThatThrownBy(() -> accounts.refresh("rt-old"))
        .isInstanceOf(SpotifyClientRejectedException.class);
    assertThat(accounts.checkCredentials().outcome()).isEqualTo(Outcome.REJECTED);
  }

  @Test
  void a429IsUnavailabilityWithSpotifysRetryAfter() {
    stub.answer(new Answer(429, "text/plain", "Too many requests", Map.of("Retry-After", "30")));

    assertThatThrownBy(() -> accounts.refresh("rt-old"))
        .isInstanceOf(SpotifyUnavailableException.class)
        .satisfies(
            e ->
                assertThat(((SpotifyUnavailableException) e).retryAfter())
                    .contains(Duration.ofSeconds(30)));
  }

  @Test
  void aNonBearerTokenIsAProtocolError() {
    stub.answer(
        Answer.json(
            200,
            "{\"access_token\":\"at-3\",\"token_type\":\"N_A\",\"expires_in\":60,"
                + "\"issued_token_type\":\"urn:ietf:params:oauth:token-type:jwt\"}"));

    assertThatThrownBy(() -> accounts.refresh("rt-old"))
        .isInstanceOf(SpotifyProtocolException.class)
        .hasMessageContaining("instead of Bearer");
  }

  @Test
  void aSuccessThatIsNotJsonIsUnavailability() {
    stub.answer(new Answer(200, "text/html", "<html>captive portal</html>", Map.of()));

    assertThatThrownBy(() -> accounts.refresh("rt-old"))
        .isInstanceOf(SpotifyUnavailableException.class)
        .hasMessageContaining("could not be read");
  }

  @Test
  void aDescriptionThatEchoesWhatWasSentIsLeftOut() {
    stub.answer(
        Answer.json(
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token rt-secret-value-99"
                + " revoked\"}"));

    assertThatThrownBy(() -> accounts.refresh("rt-secret-value-99"))
        .isInstanceOf(SpotifyGrantRejectedException.class)
        .hasMessage("Spotify refused the refresh token: the account must be reconnected.");
  }

  @Test
  void invalidGrantOnTheCredentialCheckIsUnexpected() {
    stub.answer(Answer.json(400, "{\"error\":\"invalid_grant\"}"));

    assertThat(accounts.checkCredentials().outcome()).isEqualTo(Outcome.UNEXPECTED);
  }
}
