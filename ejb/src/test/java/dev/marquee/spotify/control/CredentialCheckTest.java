package dev.marquee.spotify.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.spotify.entity.CredentialCheck;
import dev.marquee.spotify.entity.CredentialCheck.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredentialCheckTest {

  private SandboxFixture fixture;

  @BeforeEach
  void startSandbox() {
    fixture = SandboxFixture.start();
  }

  @AfterEach
  void stopSandbox() {
    fixture.close();
  }

  @Test
  void theRightIdAndSecretAreAccepted() {
    CredentialCheck check = fixture.client().checkCredentials();

    assertThat(check.outcome()).isEqualTo(Outcome.OK);
    assertThat(check.ok()).isTrue();
    assertThat(check.message()).isEqualTo("Spotify accepted this client id and secret.");
    assertThat(fixture.sandbox.counters().calls("token")).isEqualTo(1);
  }

  @Test
  void aWrongSecretIsRefusedInWords() {
    CredentialCheck check =
        fixture.client("not-the-secret", SandboxFixture.TIMEOUT).checkCredentials();

    assertThat(check.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(check.message()).startsWith("Spotify refused this client id and secret.");
  }

  @Test
  void anUnknownClientIdIsRefusedInWords() {
    CredentialCheck check =
        fixture
            .client("nobody-registered-this", fixture.clientSecret, SandboxFixture.TIMEOUT)
            .checkCredentials();

    assertThat(check.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(check.message()).startsWith("Spotify refused this client id and secret.");
  }
}
