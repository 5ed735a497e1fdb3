package dev.marquee.screens.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedMessagesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final FeedMessages messages =
      new FeedMessages("Marquee", "1.2.3", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void answersHelloWithTheServerVersionAndTime() {
    FeedReply reply = messages.onText("{\"type\":\"hello\",\"client\":\"marquee-device/0.1.0\"}");
    assertThat(reply.closes()).isFalse();
    JsonObject answer = Json.createReader(new StringReader(reply.text())).readObject();
    assertThat(answer.getString("type")).isEqualTo("hello");
    assertThat(answer.getString("server")).isEqualTo("Marquee");
    assertThat(answer.getString("version")).isEqualTo("1.2.3");
    assertThat(answer.getJsonNumber("serverTime").longValueExact()).isEqualTo(NOW.toEpochMilli());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "not json", "", "[1,2]", "\"hello\"", "42", "{\"type\":\"hello\"}x"})
  void closesWith1007OnAnythingButAJsonObject(String frame) {
    assertThat(messages.onText(frame).close()).isEqualTo(FeedCloseCode.MALFORMED_JSON);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"type\":\"launch\"}", "{\"type\":42}", "{\"type\":null}"})
  void closesWith4400OnAMissingOrUnknownType(String frame) {
    assertThat(messages.onText(frame).close()).isEqualTo(FeedCloseCode.UNKNOWN_TYPE);
  }

  @Test
  void closeCodesKeepTheirNumbers() {
    assertThat(FeedCloseCode.BINARY_FRAME.code()).isEqualTo(1003);
    assertThat(FeedCloseCode.MALFORMED_JSON.code()).isEqualTo(1007);
    assertThat(FeedCloseCode.FRAME_TOO_BIG.code()).isEqualTo(1009);
    assertThat(FeedCloseCode.UNKNOWN_TYPE.code()).isEqualTo(4400);
    assertThat(FeedCloseCode.SERVER_ERROR.code()).isEqualTo(1011);
  }
}
