package dev.marquee.spotify.control;

import static dev.marquee.spotify.control.SandboxFixture.OTHER_REDIRECT_URI;
import static dev.marquee.spotify.control.SandboxFixture.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.marquee.spotify.entity.AuthorizationRequest;
import dev.marquee.spotify.entity.SpotifyTokens;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorizationCodeFlowTest {

  private SandboxFixture fixture;
  private SpotifyAccounts accounts;

  @BeforeEach
  void startSandbox() {
    fixture = SandboxFixture.start();
    accounts = fixture.client();
  }

  @AfterEach
  void stopSandbox() {
    fixture.close();
  }

  @Test
  void startBuildsAnAuthorizeUriWithPkceS256AndThePlaybackScopes() throws Exception {
    AuthorizationRequest request = accounts.start(REDIRECT_URI);

    assertThat(request.uri().toString()).startsWith(fixture.sandbox.baseUri() + "/authorize?");
    com.nimbusds.oauth2.sdk.AuthorizationRequest sent =
        com.nimbusds.oauth2.sdk.AuthorizationRequest.parse(request.uri());
    assertThat(sent.getResponseType()).isEqualTo(ResponseType.CODE);
    assertThat(sent.getClientID().getValue()).isEqualTo(SandboxFixture.CLIENT_ID);
    assertThat(sent.getRedirectionURI()).isEqualTo(REDIRECT_URI);
    assertThat(sent.getScope().toStringList())
        .containsExactly("user-read-currently-playing", "user-read-playback-state");
    assertThat(sent.getState()).isEqualTo(request.state());
    assertThat(sent.getCodeChallengeMethod()).isEqualTo(CodeChallengeMethod.S256);
    assertThat(sent.getCodeChallenge())
        .isEqualTo(CodeChallenge.compute(CodeChallengeMethod.S256, request.verifier()));
    assertThat(request.uri().toString()).doesNotContain(request.verifier().getValue());
  }

  @Test
  void startAsksForTheScopesItIsGiven() throws Exception {
    AuthorizationRequest request = accounts.start(REDIRECT_URI, new Scope("user-read-email"));

    assertThat(
            com.nimbusds.oauth2.sdk.AuthorizationRequest.parse(request.uri())
                .getScope()
                .toStringList())
        .containsExactly("user-read-email");
  }

  @Test
  void everyStartHasItsOwnStateOfAtLeast128BitsAndItsOwnVerifier() {
    Set<State> states = new HashSet<>();
    Set<String> verifiers = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      AuthorizationRequest request = accounts.start(REDIRECT_URI);
      states.add(request.state());
      verifiers.add(request.verifier().getValue());
      byte[] random = Base64.getUrlDecoder().decode(request.state().getValue());
      assertThat(random.length * 8).isGreaterThanOrEqualTo(128);
      assertThat(request.verifier().getValue().length()).isBetween(43, 128);
    }
    assertThat(states).hasSize(500);
    assertThat(verifiers).hasSize(500);
  }

  @Test
  void theWholePkceFlowGivesTokensThatWorkOnTheWebApi() throws Exception {
    AuthorizationRequest request = accounts.start(REDIRECT_URI);
    String code = fixture.approve(request).getAuthorizationCode().getValue();

    SpotifyTokens tokens = accounts.exchange(code, REDIRECT_URI, request.verifier());

    assertThat(tokens.accessToken()).isNotBlank();
    assertThat(tokens.refreshToken()).isNotBlank().isNotEqualTo(tokens.accessToken());
    assertThat(tokens.expiresAt())
        .isEqualTo(fixture.clock.instant().plus(SandboxFixture.ACCESS_TOKEN_LIFETIME));
    assertThat(tokens.scopes())
        .containsExactlyInAnyOrder("user-read-currently-playing", "user-read-playback-state");
    assertThat(fixture.meId(tokens.accessToken())).isEqualTo(SandboxFixture.USER);
  }

  @Test
  void aWrongVerifierIsAGrantRejection() {
    AuthorizationRequest request = accounts.start(REDIRECT_URI);
    String code = fixture.approve(request).getAuthorizationCode().getValue();

    assertThatThrownBy(() -> accounts.exchange(code, REDIRECT_URI, new CodeVerifier()))
        .isInstanceOf(SpotifyGrantRejectedException.class)
        .hasMessageStartingWith("Spotify refused the authorization code")
        .hasMessageContaining("Start connecting the account again")
        .satisfies(e -> assertThat(((SpotifyAccountsException) e).isRetryable()).isFalse())
        .satisfies(
            e ->
                assertThat(((SpotifyAccountsException) e).spotifyError())
                    .contains("invalid_grant"));
  }

  @Test
  void aReplayedCodeIsAGrantRejectionAndSpotifyRevokesWhatTheCodeGave() throws Exception {
    AuthorizationRequest request = accounts.start(REDIRECT_URI);
    String code = fixture.approve(request).getAuthorizationCode().getValue();
    SpotifyTokens first = accounts.exchange(code, REDIRECT_URI, request.verifier());

    assertThatThrownBy(() -> accounts.exchange(code, REDIRECT_URI, request.verifier()))
        .isInstanceOf(SpotifyGrantRejectedException.class);
    assertThat(fixture.me(first.accessToken()).statusCode()).isEqualTo(401);
  }

  @Test
  void aRedirectUriOtherThanTheAuthorizedOneIsAGrantRejection() {
    AuthorizationRequest request = accounts.start(REDIRECT_URI);
    String code = fixture.approve(request).getAuthorizationCode().getValue();

    assertThatThrownBy(() -> accounts.exchange(code, OTHER_REDIRECT_URI, request.verifier()))
        .isInstanceOf(SpotifyGrantRejectedException.class)
        .hasMessageContaining("redirect URI");
  }

  @Test
  void aWrongClientSecretIsAClientRejection() {
    SpotifyAccounts wrongSecret = fixture.client("not-the-secret", SandboxFixture.TIMEOUT);
    AuthorizationRequest request = wrongSecret.start(REDIRECT_URI);
    String code = fixture.approve(request).getAuthorizationCode().getValue();

    assertThatThrownBy(() -> wrongSecret.exchange(code, REDIRECT_URI, request.verifier()))
        .isInstanceOf(SpotifyClientRejectedException.class)
        .hasMessageStartingWith("Spotify refused this client id and secret")
        .satisfies(e -> assertThat(((SpotifyAccountsException) e).httpStatus()).isEqualTo(401));
  }

  @Test
  void blankArgumentsAreRefusedBeforeAnythingIsSent() {
    CodeVerifier verifier = new CodeVerifier();
    assertThatThrownBy(() -> accounts.exchange(" ", REDIRECT_URI, verifier))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> accounts.refresh("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(fixture.sandbox.counters().calls("token")).isZero();
  }
}
