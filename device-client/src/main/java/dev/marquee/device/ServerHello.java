package dev.marquee.device;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's answer to hello: {@code
 * {"type":"hello","server":"Marquee","version":"0.1.0","serverTime":1732240000000}}.
 *
 * @param server the product name, {@code Marquee}
 * @param version the server's version
 * @param serverTime the server's clock, epoch milliseconds
 */
record ServerHello(String server, String version, long serverTime) {

  /**
   * Reads a hello from a message the server sent; unknown fields are ignored.
   *
   * @throws ProtocolException if it is another message or lacks a field
   */
  static ServerHello from(JsonNode message) throws ProtocolException {
    if (!message.isObject()) {
      throw new ProtocolException("the server answered with JSON that is not an object");
    }
    JsonNode type = message.path("type");
    if (!type.isTextual()) {
      throw new ProtocolException("the server answered with a message that has no \"type\"");
    }
    if (!type.asText().equals("hello")) {
      throw new ProtocolException(
          "the server answered with a \"" + type.asText() + "\" message instead of hello");
    }
    JsonNode serverTime = message.path("serverTime");
    if (!serverTime.isIntegralNumber() || !serverTime.canConvertToLong()) {
      throw new ProtocolException("the server's hello has no numeric \"serverTime\"");
    }
    return new ServerHello(
        text(message, "server"), text(message, "version"), serverTime.longValue());
  }

  private static String text(JsonNode message, String field) throws ProtocolException {
    JsonNode value = message.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new ProtocolException("the server's hello has no \"" + field + "\"");
    }
    return value.asText();
  }
}
