package dev.marquee.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolTest {

  @Test
  void theClientHelloIsExactlyWhatTheServerExpects() {
    assertThat(Json.encode(new ClientMessage.Hello("marquee-device/0.1.0")))
        .isEqualTo("{\"type\":\"hello\",\"client\":\"marquee-device/0.1.0\"}");
  }

  @Test
  void theClientNamesItselfWithTheBuiltVersion() {
    assertThat(ClientVersion.clientId()).isEqualTo("marquee-device/" + Cli.expectedVersion());
  }

  @Test
  void readsTheServerHelloAndIgnoresFieldsItDoesNotKnow() throws Exception {
    ServerHello hello =
        ServerHello.from(
            Json.decode(
                "{\"type\":\"hello\",\"server\":\"Marquee\",\"version\":\"0.2.0\","
                    + "\"serverTime\":1732240000000,\"node\":\"b\"}"));

    assertThat(hello).isEqualTo(new ServerHello("Marquee", "0.2.0", 1732240000000L));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[1,2]                                                | JSON that is not an object",
        "{\"server\":\"Marquee\"}                             | has no \"type\"",
        "{\"type\":7}                                         | has no \"type\"",
        "{\"type\":\"state\"}                                 | a \"state\" message instead of hello",
        "{\"type\":\"hello\",\"version\":\"1\",\"serverTime\":1}  | has no \"server\"",
        "{\"type\":\"hello\",\"server\":\"M\",\"serverTime\":1}   | has no \"version\"",
        "{\"type\":\"hello\",\"server\":\"M\",\"version\":\" \",\"serverTime\":1} | has no \"version\"",
        "{\"type\":\"hello\",\"server\":\"M\",\"version\":\"1\"}  | no numeric \"serverTime\"",
        "{\"type\":\"hello\",\"server\":\"M\",\"version\":\"1\",\"serverTime\":\"now\"} | no numeric",
        "{\"type\":\"hello\",\"server\":\"M\",\"version\":\"1\",\"serverTime\":1.5} | no numeric",
      })
  void refusesAHelloThatIsNotOne(String json, String message) {
    assertThatThrownBy(() -> ServerHello.from(Json.decode(json)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":  | malformed JSON",
        "hello      | malformed JSON",
        "{} {}      | malformed JSON",
        "'   '      | empty message",
      })
  void refusesMalformedJson(String text, String message) {
    assertThatThrownBy(() -> Json.decode(text))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(message);
  }
}
