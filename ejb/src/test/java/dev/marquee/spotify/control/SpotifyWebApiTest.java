package dev.marquee.spotify.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.sandbox.faults.Fault;
import dev.marquee.spotify.control.SpotifyWebApiException.Kind;
import dev.marquee.spotify.entity.SpotifyTokens;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpotifyWebApiTest {

  private SandboxFixture fixture;
  private SpotifyWebApi api;
  private SpotifyTokens tokens;

  @BeforeEach
  void connect() throws Exception {
    fixture = SandboxFixture.start();
    api =
        new SpotifyWebApi(
            fixture.sandbox.baseUri().resolve("/v1/"),
            SandboxFixture.TIMEOUT,
            Duration.ofMillis(500));
    tokens = fixture.connect(fixture.client());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void namesTheUserTheTokenBelongsTo() throws Exception {
    SpotifyProfile me = api.me(tokens.accessToken());

    assertThat(me.id()).isEqualTo(SandboxFixture.USER);
    assertThat(me.displayName()).isPresent();
  }

  @Test
  void aRevokedTokenIsUnauthorizedAndTheMessageHoldsNoToken() {
    fixture.sandbox.revokeUser(SandboxFixture.USER);

    assertThatThrownBy(() -> api.me(tokens.accessToken()))
        .isInstanceOfSatisfying(
            SpotifyWebApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.isRetryable()).isFalse();
            })
        .hasMessageNotContaining(tokens.accessToken());
  }

  @Test
  void serverErrorsAndGarbageAreUnavailable() {
    fixture.sandbox.injectFault(Fault.serverError(502).onlyForEndpoint("me"));
    assertThatThrownBy(() -> api.me(tokens.accessToken()))
        .isInstanceOfSatisfying(
            SpotifyWebApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
        .hasMessage("Spotify's Web API is unavailable: it answered HTTP 502. Try again later.");

    fixture.sandbox.injectFault(Fault.malformedJson().onlyForEndpoint("me"));
    assertThatThrownBy(() -> api.me(tokens.accessToken()))
        .isInstanceOfSatisfying(
            SpotifyWebApiException.class, e -> assertThat(e.isRetryable()).isTrue());
  }

  @Test
  void aSlowAnswerTimesOut() {
    fixture.sandbox.injectFault(Fault.delay(Duration.ofSeconds(3)).onlyForEndpoint("me"));

    assertThatThrownBy(() -> api.me(tokens.accessToken()))
        .isInstanceOfSatisfying(
            SpotifyWebApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
        .hasMessageContaining("no answer within 500 ms");
  }

  @Test
  void noServerIsUnavailable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SpotifyWebApi nowhere =
        new SpotifyWebApi(
            URI.create("http://127.0.0.1:" + port + "/v1"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));

    assertThatThrownBy(() -> nowhere.me("token"))
        .isInstanceOfSatisfying(
            SpotifyWebApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
  }
}
