package dev.marquee.spotify.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.sandbox.faults.Fault;
import dev.marquee.spotify.entity.CredentialCheck;
import dev.marquee.spotify.entity.SpotifyTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spotify's token endpoint fails, is slow, answers garbage or is not there at all. */
class UnavailableTest {

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
  void a503OnTheTokenEndpointIsRetryableUnavailability() throws Exception {
    SpotifyTokens connected = fixture.connect(accounts);
    fixture.sandbox.injectFault(Fault.serverError(503).onlyForEndpoint("token"));

    assertThatThrownBy(() -> accounts.refresh(connected.refreshToken()))
        .isInstanceOf(SpotifyUnavailableException.class)
        .hasMessage(
            "Spotify's accounts service is unavailable: it answered HTTP 503. Try again later.")
        .satisfies(e -> assertThat(((SpotifyAccountsException) e).isRetryable()).isTrue())
        .satisfies(e -> assertThat(((SpotifyAccountsException) e).httpStatus()).isEqualTo(503));
    // The fault was used up; the same refresh token still works.
    assertThat(accounts.refresh(connected.refreshToken()).accessToken()).isNotBlank();
  }

  @Test
  void a503DuringTheCodeExchangeIsUnavailability() {
    fixture.sandbox.injectFault(Fault.serverError(503).onlyForEndpoint("token"));

    assertThatThrownBy(() -> fixture.connect(accounts))
        .isInstanceOf(SpotifyUnavailableException.class);
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutIsUnavailabilityWithinABoundedTime() throws Exception {
    SpotifyTokens connected = fixture.connect(accounts);
    SpotifyAccounts impatient = fixture.client(fixture.clientSecret, Duration.ofMillis(300));
    fixture.sandbox.injectFault(Fault.delay(Duration.ofSeconds(20)).onlyForEndpoint("token"));

    long started = System.nanoTime();
    assertThatThrownBy(() -> impatient.refresh(connected.refreshToken()))
        .isInstanceOf(SpotifyUnavailableException.class)
        .hasMessageContaining("no answer within 300 ms")
        .satisfies(e -> assertThat(((SpotifyAccountsException) e).httpStatus()).isZero());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aTruncatedJsonAnswerIsUnavailabilityAndQuotesNothing() throws Exception {
    SpotifyTokens connected = fixture.connect(accounts);
    fixture.sandbox.injectFault(Fault.malformedJson().onlyForEndpoint("token"));

    assertThatThrownBy(() -> accounts.refresh(connected.refreshToken()))
        .isInstanceOf(SpotifyUnavailableException.class)
        .hasMessageContaining("its answer could not be read")
        .hasNoCause();
  }

  @Test
  void noServerListeningIsUnavailability() throws Exception {
    URI closed = closedLoopbackPort();
    SpotifyAccounts nowhere =
        new SpotifyAccounts(
            new SpotifyAccountsSettings(
                closed,
                SandboxFixture.CLIENT_ID,
                ClientSecret.of(fixture.clientSecret),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2)),
            fixture.clock);

    assertThatThrownBy(() -> nowhere.refresh("some-refresh-token"))
        .isInstanceOf(SpotifyUnavailableException.class)
        .hasMessageContaining("refused");
    assertThat(nowhere.checkCredentials().outcome()).isEqualTo(CredentialCheck.Outcome.UNREACHABLE);
  }

  @Test
  void theCredentialCheckReportsAnOutageInWords() {
    fixture.sandbox.injectFault(Fault.serverError(503).onlyForEndpoint("token"));

    CredentialCheck check = accounts.checkCredentials();

    assertThat(check.outcome()).isEqualTo(CredentialCheck.Outcome.UNREACHABLE);
    assertThat(check.ok()).isFalse();
    assertThat(check.message())
        .isEqualTo(
            "Could not check the credentials: Spotify's accounts service is unavailable (it"
                + " answered HTTP 503). Try again later.");
  }

  @Test
  void theCredentialCheckReportsATimeoutInWords() {
    SpotifyAccounts impatient = fixture.client(fixture.clientSecret, Duration.ofMillis(300));
    fixture.sandbox.injectFault(Fault.delay(Duration.ofSeconds(20)).onlyForEndpoint("token"));

    CredentialCheck check = impatient.checkCredentials();

    assertThat(check.outcome()).isEqualTo(CredentialCheck.Outcome.UNREACHABLE);
    assertThat(check.message()).contains("no answer within 300 ms");
  }

  /** A loopback port nothing listens on (bound, then released). */
  private static URI closedLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}
