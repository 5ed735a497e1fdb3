package dev.marquee.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerAddressTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ws://host:8080, ws://host:8080/ws/screen",
    "ws://host:8080/, ws://host:8080/ws/screen",
    "ws://host:8080/screens, ws://host:8080/screens/ws/screen",
    "ws://host:8080/screens/, ws://host:8080/screens/ws/screen",
    "wss://marquee.example.org, wss://marquee.example.org/ws/screen",
    "http://127.0.0.1:8080, ws://127.0.0.1:8080/ws/screen",
    "https://marquee.example.org/a/b, wss://marquee.example.org/a/b/ws/screen",
    "HTTPS://Marquee.example.org, wss://Marquee.example.org/ws/screen",
    "ws://[::1]:8080, ws://[::1]:8080/ws/screen",
    "ws://host/my%20screens, ws://host/my%20screens/ws/screen",
    "'  ws://host:8080  ', ws://host:8080/ws/screen",
  })
  void mapsTheServerToTheScreensEndpoint(String server, String endpoint) throws Exception {
    assertThat(ServerAddress.parse(server).endpoint()).hasToString(endpoint);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://host/           | has scheme 'ftp': use ws://, wss://, http:// or https://",
        "file:///tmp/x         | has scheme 'file'",
        "host:8080             | must start with ws://",
        "127.0.0.1:8080        | is not a URL",
        "/ws/screen            | must start with ws://",
        "ws://                 | is not a URL",
        "ws:///path            | has no host name",
        "ws://bad_host:8080    | has no host name",
        "ws://host:99999       | has port 99999",
        "ws://ann:secret@host  | carries credentials",
        "ws://host/?token=abc  | must not have a query or a fragment",
        "ws://host/#top        | must not have a query or a fragment",
        "ws://host name        | is not a URL",
      })
  void refusesWhatIsNotAServerUrl(String server, String message) {
    assertThatThrownBy(() -> ServerAddress.parse(server))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--server '" + server + "'")
        .hasMessageContaining(message);
  }
}
