package dev.marquee.spotify.control;

import static dev.marquee.spotify.control.SandboxFixture.OTHER_REDIRECT_URI;
import static dev.marquee.spotify.control.SandboxFixture.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.marquee.sandbox.faults.Fault;
import dev.marquee.spotify.entity.AuthorizationRequest;
import dev.marquee.spotify.entity.CredentialCheck;
import dev.marquee.spotify.entity.SpotifyTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every text this package produces (messages, stack traces, toString) checked against the actual
 * secret, tokens, codes and verifiers of a run against the sandbox.
 */
class SecretsNeverShownTest {

  private SandboxFixture fixture;
  private final List<String> secrets = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();

  @BeforeEach
  void startSandbox() {
    fixture = SandboxFixture.start();
    secrets.add(fixture.clientSecret);
  }

  @AfterEach
  void stopSandbox() {
    fixture.close();
  }

  @Test
  void noMessageStackTraceOrToStringContainsASecretTokenCodeOrVerifier() throws Exception {
    SpotifyAccounts accounts = fixture.client();
    SpotifyAccounts wrongSecret =
        fixture.client(fixture.clientSecret + "-x", Duration.ofSeconds(5));
    SpotifyAccounts impatient = fixture.client(fixture.clientSecret, Duration.ofMillis(200));
    texts.add(accounts.toString());
    texts.add(accounts.settings().toString());
    texts.add(accounts.settings().clientSecret().toString());

    // A good connection, and a refresh.
    AuthorizationRequest request = accounts.start(REDIRECT_URI);
    String code = fixture.approve(request).getAuthorizationCode().getValue();
    SpotifyTokens tokens = accounts.exchange(code, REDIRECT_URI, request.verifier());
    SpotifyTokens refreshed = accounts.refresh(tokens.refreshToken());
    remember(request, code, tokens, refreshed);

    // A replayed code, a wrong verifier, a wrong redirect URI, a wrong secret.
    record(() -> accounts.exchange(code, REDIRECT_URI, request.verifier()));
    AuthorizationRequest second = accounts.start(REDIRECT_URI);
    String secondCode = fixture.approve(second).getAuthorizationCode().getValue();
    remember(second, secondCode);
    CodeVerifier wrongVerifier = accounts.start(REDIRECT_URI).verifier();
    secrets.add(wrongVerifier.getValue());
    record(() -> accounts.exchange(secondCode, REDIRECT_URI, wrongVerifier));
    AuthorizationRequest third = accounts.start(REDIRECT_URI);
    String thirdCode = fixture.approve(third).getAuthorizationCode().getValue();
    remember(third, thirdCode);
    record(() -> accounts.exchange(thirdCode, OTHER_REDIRECT_URI, third.verifier()));
    AuthorizationRequest fourth = wrongSecret.start(REDIRECT_URI);
    String fourthCode = fixture.approve(fourth).getAuthorizationCode().getValue();
    remember(fourth, fourthCode);
    record(() -> wrongSecret.exchange(fourthCode, REDIRECT_URI, fourth.verifier()));
    record(() -> wrongSecret.refresh(refreshed.refreshToken()));
    texts.add(wrongSecret.checkCredentials().message());

    // Outages: 503, garbage, timeout.
    fixture.sandbox.injectFault(Fault.serverError(503).onlyForEndpoint("token"));
    record(() -> accounts.refresh(refreshed.refreshToken()));
    fixture.sandbox.injectFault(Fault.malformedJson().onlyForEndpoint("token"));
    record(() -> accounts.refresh(refreshed.refreshToken()));
    fixture.sandbox.injectFault(Fault.delay(Duration.ofSeconds(10)).onlyForEndpoint("token"));
    record(() -> impatient.refresh(refreshed.refreshToken()));
    fixture.sandbox.injectFault(Fault.serverError(500).onlyForEndpoint("token"));
    CredentialCheck outage = accounts.checkCredentials();
    texts.add(outage.message());
    texts.add(outage.toString());

    // Revoked.
    fixture.sandbox.revokeUser(SandboxFixture.USER);
    record(() -> accounts.refresh(refreshed.refreshToken()));

    assertThat(secrets).hasSize(13).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
    assertThat(texts).hasSize(39);
    for (String text : texts) {
      for (String secret : secrets) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }

  private void remember(
      AuthorizationRequest request, String code, SpotifyTokens tokens, SpotifyTokens refreshed) {
    remember(request, code);
    secrets.add(tokens.accessToken());
    secrets.add(tokens.refreshToken());
    secrets.add(refreshed.accessToken());
    texts.add(tokens.toString());
    texts.add(refreshed.toString());
  }

  private void remember(AuthorizationRequest request, String code) {
    secrets.add(code);
    secrets.add(request.verifier().getValue());
    texts.add(request.toString());
  }

  /** Runs a call that must fail and keeps everything its exception says. */
  private void record(Call call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(SpotifyAccountsException.class);
    texts.add(thrown.getMessage());
    texts.add(thrown.toString());
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    texts.add(trace.toString());
  }

  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }
}
