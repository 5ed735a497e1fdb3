package dev.marquee.api.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The one shape of request body the API takes: a single JSON object of at most {@link #MAX_BODY}
 * characters, sent as {@code application/json}. Anything else (another content type, another JSON
 * value, trailing text after the object, a second object) is refused before anything happens.
 */
public final class JsonRequestBody {

  /** Longest request body accepted, in characters. */
  public static final int MAX_BODY = 1024;

  private JsonRequestBody() {}

  /** Longest body read, in bytes: a character is at most four bytes of UTF-8. */
  private static final int MAX_BYTES = MAX_BODY * 4;

  /**
   * The request's body, read up to the limit and no further (a larger body costs no more memory
   * than the limit), or null when there is none.
   *
   * @throws RefusedBodyException 413 when the body is longer than the limit
   */
  public static String read(InputStream in) throws IOException, RefusedBodyException {
    if (in == null) {
      return null;
    }
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw tooLong();
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The body as a JSON object.
   *
   * @param contentType the request's media type, null when it named none
   * @throws RefusedBodyException with the status and message to answer
   */
  public static JsonObject object(MediaType contentType, String body) throws RefusedBodyException {
    if (body != null && body.length() > MAX_BODY) {
      throw tooLong();
    }
    if (body == null || body.isBlank()) {
      throw new RefusedBodyException(400, "The body must be a JSON object.");
    }
    if (contentType == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(contentType)) {
      throw new RefusedBodyException(400, "The body must be sent as application/json.");
    }
    try (JsonParser parser = Json.createParser(new StringReader(body))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new RefusedBodyException(400, "The body must be a JSON object.");
      }
      JsonObject object = parser.getObject();
      if (parser.hasNext()) {
        throw new RefusedBodyException(
            400, "The body must be one JSON object and nothing after it.");
      }
      return object;
    } catch (JsonException | IllegalStateException e) {
      // Malformed JSON, or text after the object that is not JSON at all.
      throw new RefusedBodyException(400, "The body is not valid JSON.");
    }
  }

  private static RefusedBodyException tooLong() {
    return new RefusedBodyException(
        413, "The body must be a JSON object of at most " + MAX_BODY + " characters.");
  }

  /** A request body the API refuses, with the HTTP status to answer. */
  public static final class RefusedBodyException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int status;

    RefusedBodyException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
