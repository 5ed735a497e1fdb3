package dev.marquee.screens.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.time.Clock;

/**
 * Reads the screens protocol's JSON messages and writes its answers; decides nothing beyond the
 * protocol itself, so it can be tested without a container.
 */
final class FeedMessages {

  static final String HELLO = "hello";

  private final String product;
  private final String version;
  private final Clock clock;

  FeedMessages(String product, String version, Clock clock) {
    this.product = product;
    this.version = version;
    this.clock = clock;
  }

  /** The reply to one text frame from a screen. */
  FeedReply onText(String text) {
    JsonObject message = parseObject(text);
    if (message == null) {
      return FeedReply.closeWith(FeedCloseCode.MALFORMED_JSON);
    }
    JsonValue type = message.get("type");
    if (type instanceof jakarta.json.JsonString name && HELLO.equals(name.getString())) {
      return FeedReply.answer(hello());
    }
    return FeedReply.closeWith(FeedCloseCode.UNKNOWN_TYPE);
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

  private String hello() {
    return Json.createObjectBuilder()
        .add("type", HELLO)
        .add("server", product)
        .add("version", version)
        .add("serverTime", clock.millis())
        .build()
        .toString();
  }
}
