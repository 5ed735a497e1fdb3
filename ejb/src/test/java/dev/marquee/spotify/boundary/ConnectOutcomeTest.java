package dev.marquee.spotify.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.spotify.boundary.ConnectOutcome.Reason;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectOutcomeTest {

  @Test
  void everyFailureSaysWhatHappenedAndWhatToDo() {
    Arrays.stream(Reason.values())
        .filter(reason -> reason != Reason.CONNECTED)
        .forEach(
            reason -> {
              ConnectOutcome outcome = ConnectOutcome.failed(reason, null);
              assertThat(outcome.succeeded()).isFalse();
              assertThat(outcome.accountId()).isNull();
              assertThat(outcome.message())
                  .as(reason.name())
                  .doesNotContain("null", "()")
                  .endsWith(".")
                  .matches("(?s).*(again|Finish it).*");
            });
  }

  @Test
  void theFailureMessagesAreDistinct() {
    assertThat(
            Arrays.stream(Reason.values())
                .filter(reason -> reason != Reason.CONNECTED)
                .map(reason -> ConnectOutcome.failed(reason, null).message()))
        .doesNotHaveDuplicates();
  }

  @Test
  void detailsFromMarqueeAreQuotedWhereTheyHelp() {
    assertThat(ConnectOutcome.failed(Reason.SPOTIFY_UNAVAILABLE, "it answered HTTP 503").message())
        .isEqualTo(
            "Spotify is unavailable right now (it answered HTTP 503). Nothing was stored; try"
                + " connecting again in a few minutes.");
    assertThat(ConnectOutcome.failed(Reason.SPOTIFY_ERROR, "it reported server_error").message())
        .startsWith("Spotify could not complete the connection (it reported server_error).");
  }

  @Test
  void aDeniedConnectTellsHowToAllowIt() {
    assertThat(ConnectOutcome.failed(Reason.DENIED, null).message())
        .contains("not allowed")
        .contains("choose Agree");
  }

  @Test
  void successCarriesTheAccount() {
    UUID id = UUID.randomUUID();
    ConnectOutcome outcome = ConnectOutcome.connected(id, "Demo Gym");

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.reason()).isEqualTo(Reason.CONNECTED);
    assertThat(outcome.accountId()).isEqualTo(id);
    assertThat(outcome.displayName()).isEqualTo("Demo Gym");
    assertThat(outcome.message()).contains("Demo Gym");
  }

  @Test
  void anAccountIdComesOnlyWithSuccess() {
    assertThatThrownBy(() -> ConnectOutcome.failed(Reason.CONNECTED, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConnectOutcome(Reason.DENIED, "x", UUID.randomUUID(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
