package dev.marquee.api.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.api.control.JsonRequestBody.RefusedBodyException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRequestBodyTest {

  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

  @Test
  void takesOneJsonObject() throws Exception {
    assertThat(JsonRequestBody.object(JSON, "{\"client\":\"a\"}").getString("client"))
        .isEqualTo("a");
    assertThat(
            JsonRequestBody.object(
                    new MediaType("application", "json", Map.of("charset", "utf-8")),
                    " {\"client\":\"a\"} \n")
                .getString("client"))
        .isEqualTo("a");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"client\":\"a\"} xx",
        "{\"client\":\"a\"}{\"client\":\"b\"}",
        "{\"client\":\"a\"} []",
        "[]",
        "\"a\"",
        "{\"client\":",
        "not json",
        "   "
      })
  void refusesAnythingButOneObjectWith400(String body) {
    assertThatThrownBy(() -> JsonRequestBody.object(JSON, body))
        .isInstanceOfSatisfying(
            RefusedBodyException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageStartingWith("The body ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
  void refusesOtherContentTypesWith400(String type) {
    assertThatThrownBy(() -> JsonRequestBody.object(mediaType(type), "{\"client\":\"a\"}"))
        .isInstanceOfSatisfying(
            RefusedBodyException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessage("The body must be sent as application/json.");
    assertThatThrownBy(() -> JsonRequestBody.object(null, "{\"client\":\"a\"}"))
        .isInstanceOf(RefusedBodyException.class);
  }

  @Test
  void nestingIsBoundedByTheSizeLimitBeforeTheParserCanBeDrivenDeep() throws Exception {
    // The deepest a body within the limit can nest (about 500) is parsed as the JSON it is,
    // far below the parser's own limit (1000), whose unchecked exception would escape.
    String deepest = "{\"a\":" + "[".repeat(509) + "]".repeat(509) + "}";
    assertThat(deepest.length()).isLessThanOrEqualTo(JsonRequestBody.MAX_BODY);
    assertThat(JsonRequestBody.object(JSON, deepest).getJsonArray("a")).hasSize(1);
    // Anything deeper is longer than the limit and refused before parsing.
    String deeper = "{\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
    assertThatThrownBy(() -> JsonRequestBody.object(JSON, deeper))
        .isInstanceOfSatisfying(
            RefusedBodyException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void readsNoMoreThanTheLimitAndRefusesLongerBodiesWith413() throws Exception {
    byte[] huge =
        ("{\"client\":\"" + "x".repeat(5_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    var in = new ByteArrayInputStream(huge);
    assertThatThrownBy(() -> JsonRequestBody.read(in))
        .isInstanceOfSatisfying(
            RefusedBodyException.class, e -> assertThat(e.status()).isEqualTo(413));
    assertThat(huge.length - in.available()).isEqualTo(JsonRequestBody.MAX_BODY * 4 + 1);
    assertThatThrownBy(() -> JsonRequestBody.object(JSON, "{\"a\":\"" + "x".repeat(1100) + "\"}"))
        .isInstanceOfSatisfying(
            RefusedBodyException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  /** Without a JAX-RS runtime on the test class path, MediaType.valueOf cannot parse. */
  private static MediaType mediaType(String type) {
    String[] parts = type.split("/");
    return new MediaType(parts[0], parts[1]);
  }
}
