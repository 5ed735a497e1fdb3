package dev.marquee.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson mapper of the client: encodes what it sends, decodes what it receives. */
final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // {"type":"ping"} is a record without fields: its type is all there is to write.
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();
  private static final ObjectWriter CLIENT_MESSAGES = MAPPER.writerFor(ClientMessage.class);

  private Json() {}

  static String encode(ClientMessage message) {
    try {
      return CLIENT_MESSAGES.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + message, e);
    }
  }

  /** Writes a request body of the pairing API. */
  static String write(Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a " + body.getClass().getSimpleName(), e);
    }
  }

  /**
   * Builds the mapper's serializers and parsers for {@code message} and its answer ahead of time.
   */
  static void warmUp(ClientMessage message) {
    encode(message);
    try {
      MAPPER.readTree("{\"type\":\"hello\",\"serverTime\":0}");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses one text frame.
   *
   * @throws ProtocolException if it is not one well-formed JSON value
   */
  static JsonNode decode(String text) throws ProtocolException {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new ProtocolException("the server sent an empty message");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ProtocolException("the server sent malformed JSON: " + e.getOriginalMessage(), e);
    }
  }
}
