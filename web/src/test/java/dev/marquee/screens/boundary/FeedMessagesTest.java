package dev.marquee.screens.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.screen.boundary.FeedCloseCode;
import dev.marquee.screens.boundary.FeedMessages.Hello;
import dev.marquee.screens.boundary.FeedMessages.Ping;
import dev.marquee.screens.boundary.FeedMessages.Refused;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedMessagesTest {

  @Test
  void readsHelloWithTokenVersionAndClient() {
    assertThat(
            FeedMessages.read(
                "{\"type\":\"hello\",\"token\":\"t0k\",\"version\":\"v1\","
                    + "\"client\":\"marquee-device/0.1.0\"}"))
        .isEqualTo(new Hello("t0k", "v1", "marquee-device/0.1.0"));
  }

  @Test
  void aHelloWithoutTokenOrWithOneThatIsNoStringHasNoToken() {
    assertThat(FeedMessages.read("{\"type\":\"hello\"}")).isEqualTo(new Hello(null, null, null));
    assertThat(FeedMessages.read("{\"type\":\"hello\",\"token\":42}"))
        .isEqualTo(new Hello(null, null, null));
    String tooLong = "x".repeat(FeedMessages.MAX_FIELD + 1);
    assertThat(FeedMessages.read("{\"type\":\"hello\",\"token\":\"" + tooLong + "\"}"))
        .isEqualTo(new Hello(null, null, null));
  }

  @Test
  void readsPingAndAnswersWithTheServerTime() {
    assertThat(FeedMessages.read("{\"type\":\"ping\"}")).isEqualTo(new Ping());
    JsonObject pong = Json.createReader(new StringReader(FeedMessages.pong(1234))).readObject();
    assertThat(pong.getString("type")).isEqualTo("pong");
    assertThat(pong.getJsonNumber("serverTime").longValueExact()).isEqualTo(1234);
  }

  @Test
  void introducesTheServerToAHelloWithoutToken() {
    JsonObject hello =
        Json.createReader(new StringReader(FeedMessages.serverHello("Marquee", "1.2.3", 99)))
            .readObject();
    assertThat(hello.getString("type")).isEqualTo("hello");
    assertThat(hello.getString("server")).isEqualTo("Marquee");
    assertThat(hello.getString("version")).isEqualTo("1.2.3");
    assertThat(hello.getJsonNumber("serverTime").longValueExact()).isEqualTo(99);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "not json", "", "[1,2]", "\"hello\"", "42", "{\"type\":\"hello\"}x"})
  void closesWith1007OnAnythingButAJsonObject(String frame) {
    assertThat(FeedMessages.read(frame)).isEqualTo(new Refused(FeedCloseCode.MALFORMED_JSON));
  }

  @Test
  void closesWith1007OnNestingDeeperThanTheLimitWithoutReachingTheParsersOwnLimit() {
    // 4,000 levels fit in one 8 KiB frame; Parsson's own limit (1,000) throws a plain
    // RuntimeException from deep recursion, which escaped as a server error (1011) with a
    // thousand-line stack trace.
    String deep = "{\"type\":\"ping\",\"x\":" + "[".repeat(4000) + "]".repeat(4000) + "}";
    assertThat(FeedMessages.read(deep)).isEqualTo(new Refused(FeedCloseCode.MALFORMED_JSON));
    String deepObjects =
        "{\"type\":\"ping\",\"x\":" + "{\"a\":".repeat(4000) + "1" + "}".repeat(4000) + "}";
    assertThat(FeedMessages.read(deepObjects)).isEqualTo(new Refused(FeedCloseCode.MALFORMED_JSON));
    assertThat(FeedMessages.read("[".repeat(4000)))
        .isEqualTo(new Refused(FeedCloseCode.MALFORMED_JSON));
    // Unclosed: refused at the limit, long before the end of the text.
    assertThat(FeedMessages.read("{\"type\":\"ping\",\"x\":" + "[".repeat(4000)))
        .isEqualTo(new Refused(FeedCloseCode.MALFORMED_JSON));
  }

  @Test
  void nestingUpToTheLimitInFieldsTheServerIgnoresIsTolerated() {
    int nested = FeedMessages.MAX_DEPTH - 1;
    String atLimit = "{\"type\":\"ping\",\"x\":" + "[".repeat(nested) + "]".repeat(nested) + "}";
    assertThat(FeedMessages.read(atLimit)).isEqualTo(new Ping());
    String overLimit =
        "{\"type\":\"ping\",\"x\":" + "[".repeat(nested + 1) + "]".repeat(nested + 1) + "}";
    assertThat(FeedMessages.read(overLimit)).isEqualTo(new Refused(FeedCloseCode.MALFORMED_JSON));
    assertThat(
            FeedMessages.read(
                "{\"extra\":{\"a\":[1,{\"b\":\"c\"}],\"type\":\"x\"},\"type\":\"hello\","
                    + "\"token\":\"t\",\"client\":{\"name\":\"c\"}}"))
        .isEqualTo(new Hello("t", null, null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"ping\",\"x\":[}",
        "{\"type\":\"ping\",\"x\":{\"a\"}}",
        "{\"type\":\"ping\",\"x\":[1,2",
        "{\"type\":\"ping\"",
        "{\"type\":\"ping\",}"
      })
  void closesWith1007OnMalformedNestedOrUnfinishedObjects(String frame) {
    assertThat(FeedMessages.read(frame)).isEqualTo(new Refused(FeedCloseCode.MALFORMED_JSON));
  }

  @Test
  void aFieldGivenTwiceKeepsItsLastValue() {
    assertThat(FeedMessages.read("{\"type\":\"ping\",\"type\":\"hello\",\"token\":\"a\"}"))
        .isEqualTo(new Hello("a", null, null));
    assertThat(FeedMessages.read("{\"type\":\"hello\",\"token\":\"a\",\"token\":[1]}"))
        .isEqualTo(new Hello(null, null, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"type\":\"launch\"}", "{\"type\":42}", "{\"type\":null}"})
  void closesWith4400OnAMissingOrUnknownType(String frame) {
    assertThat(FeedMessages.read(frame)).isEqualTo(new Refused(FeedCloseCode.UNKNOWN_TYPE));
  }

  @Test
  void closeCodesKeepTheirNumbers() {
    assertThat(FeedCloseCode.GOING_AWAY.code()).isEqualTo(1001);
    assertThat(FeedCloseCode.BINARY_FRAME.code()).isEqualTo(1003);
    assertThat(FeedCloseCode.MALFORMED_JSON.code()).isEqualTo(1007);
    assertThat(FeedCloseCode.FRAME_TOO_BIG.code()).isEqualTo(1009);
    assertThat(FeedCloseCode.SERVER_ERROR.code()).isEqualTo(1011);
    assertThat(FeedCloseCode.UNKNOWN_TYPE.code()).isEqualTo(4400);
    assertThat(FeedCloseCode.NOT_AUTHENTICATED.code()).isEqualTo(4401);
    assertThat(FeedCloseCode.TOKEN_REFUSED.code()).isEqualTo(4403);
    assertThat(FeedCloseCode.NOT_RESPONDING.code()).isEqualTo(4408);
    assertThat(FeedCloseCode.REPLACED.code()).isEqualTo(4409);
  }
}
