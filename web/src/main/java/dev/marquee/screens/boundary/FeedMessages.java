package dev.marquee.screens.boundary;

import dev.marquee.screen.boundary.FeedCloseCode;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/**
 * Reads the messages a screen sends (docs/screens-protocol.md) and writes the server's answers;
 * decides nothing beyond the protocol itself, so it is tested without a container.
 */
final class FeedMessages {

  static final String HELLO = "hello";
  static final String PING = "ping";

  /** Longest token, version or client text accepted in a hello. */
  static final int MAX_FIELD = 200;

  /** What one text frame from a screen is. */
  sealed interface Incoming permits Hello, Ping, Refused {}

  /**
   * The first message: the device token, the state version the screen already shows (or null) and
   * what it is (for the console), e.g. {@code marquee-player/0.1}.
   */
  record Hello(String token, String version, String client) implements Incoming {}

  /** A request for the server's time (clock offset) that also proves the socket alive. */
  record Ping() implements Incoming {}

  /** Not a message the protocol knows: the socket closes with this code. */
  record Refused(FeedCloseCode code) implements Incoming {}

  private FeedMessages() {}

  static Incoming read(String text) {
    JsonObject message = parseObject(text);
    if (message == null) {
      return new Refused(FeedCloseCode.MALFORMED_JSON);
    }
    String type = text(message, "type");
    if (HELLO.equals(type)) {
      return new Hello(text(message, "token"), text(message, "version"), text(message, "client"));
    }
    if (PING.equals(type)) {
      return new Ping();
    }
    return new Refused(FeedCloseCode.UNKNOWN_TYPE);
  }

  /**
   * The answer to a hello without a token: who the server is. Lets a client check a server; the
   * socket must still authenticate before the hello deadline.
   */
  static String serverHello(String product, String version, long serverTime) {
    return Json.createObjectBuilder()
        .add("type", HELLO)
        .add("server", product)
        .add("version", version)
        .add("serverTime", serverTime)
        .build()
        .toString();
  }

  static String pong(long serverTime) {
    return Json.createObjectBuilder()
        .add("type", "pong")
        .add("serverTime", serverTime)
        .build()
        .toString();
  }

  /** A string field, or null when absent, not a string or too long. */
  private static String text(JsonObject message, String field) {
    JsonValue value = message.get(field);
    if (value instanceof JsonString string && string.getString().length() <= MAX_FIELD) {
      return string.getString();
    }
    return null;
  }

  /** The frame as one JSON object, or null when it is anything else (including trailing text). */
  private static JsonObject parseObject(String text) {
    try (JsonParser parser = Json.createParser(new StringReader(text))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        return null;
      }
      JsonObject object = parser.getObject();
      return parser.hasNext() ? null : object;
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }
}
