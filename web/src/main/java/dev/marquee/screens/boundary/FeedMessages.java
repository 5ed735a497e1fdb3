package dev.marquee.screens.boundary;

import dev.marquee.screen.boundary.FeedCloseCode;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the messages a screen sends (docs/screens-protocol.md) and writes the server's answers;
 * decides nothing beyond the protocol itself, so it is tested without a container.
 */
final class FeedMessages {

  static final String HELLO = "hello";
  static final String PING = "ping";

  /** Longest token, version or client text accepted in a hello. */
  static final int MAX_FIELD = 200;

  /**
   * Deepest nesting accepted in a frame (the message object is depth 1). The protocol's messages
   * are flat; a little nesting in fields the server ignores is tolerated for newer clients.
   */
  static final int MAX_DEPTH = 16;

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
    Map<String, String> fields = parseObject(text);
    if (fields == null) {
      return new Refused(FeedCloseCode.MALFORMED_JSON);
    }
    String type = fields.get("type");
    if (HELLO.equals(type)) {
      return new Hello(fields.get("token"), fields.get("version"), fields.get("client"));
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

  /**
   * The frame's top-level fields whose values are strings of at most {@link #MAX_FIELD} characters
   * (a field given twice keeps its last value; other values count as absent), or null when the
   * frame is anything but one JSON object (including trailing text) or nests deeper than {@link
   * #MAX_DEPTH}. Read as a stream: a nested value is skipped, never built, and a frame nested
   * thousands deep is refused at the limit instead of reaching the parser's own limit, where
   * Parsson throws a plain RuntimeException from deep recursion.
   */
  private static Map<String, String> parseObject(String text) {
    try (JsonParser parser = Json.createParser(new StringReader(text))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        return null;
      }
      Map<String, String> fields = new HashMap<>();
      while (true) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.END_OBJECT) {
          break;
        }
        // Inside an object the parser yields a key, then its value.
        String key = parser.getString();
        JsonParser.Event value = parser.next();
        if (value == JsonParser.Event.VALUE_STRING && parser.getString().length() <= MAX_FIELD) {
          fields.put(key, parser.getString());
        } else {
          fields.remove(key);
          if ((value == JsonParser.Event.START_OBJECT || value == JsonParser.Event.START_ARRAY)
              && !skipNested(parser)) {
            return null;
          }
        }
      }
      return parser.hasNext() ? null : fields;
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      return null;
    }
  }

  /**
   * Reads past a nested object or array whose start was just read, at depth 2; false when it nests
   * deeper than {@link #MAX_DEPTH}.
   */
  private static boolean skipNested(JsonParser parser) {
    int depth = 2;
    while (depth > 1) {
      switch (parser.next()) {
        case START_OBJECT, START_ARRAY -> {
          if (++depth > MAX_DEPTH) {
            return false;
          }
        }
        case END_OBJECT, END_ARRAY -> depth--;
        default -> {
          // A key or a scalar inside the nested value: nothing to keep.
        }
      }
    }
    return true;
  }
}
