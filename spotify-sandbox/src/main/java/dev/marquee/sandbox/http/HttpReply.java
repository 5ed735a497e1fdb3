package dev.marquee.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete HTTP response as a value. Handlers return replies instead of writing to the exchange
 * so that cross-cutting behaviour (fault injection, truncation) can inspect and replace them.
 */
public final class HttpReply {

  private static final byte[] NO_BODY = new byte[0];

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;

  private HttpReply(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  public static HttpReply json(int status, JsonNode node) {
    return withBody(status, "application/json; charset=utf-8", Json.bytes(node));
  }

  public static HttpReply text(int status, String text) {
    return withBody(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpReply html(int status, String html) {
    return withBody(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpReply withBody(int status, String contentType, byte[] body) {
    return new HttpReply(status, Map.of("Content-Type", contentType), body.clone());
  }

  public static HttpReply empty(int status) {
    return new HttpReply(status, Map.of(), NO_BODY);
  }

  public static HttpReply redirect(URI location) {
    return new HttpReply(302, Map.of("Location", location.toString()), NO_BODY);
  }

  public HttpReply withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpReply(status, copy, body);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body.clone();
  }

  public boolean hasBody() {
    return body.length > 0;
  }

  /** Writes the reply; the caller closes the exchange. */
  public void sendTo(HttpExchange exchange) throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    boolean bodyForbidden =
        status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
    if (bodyForbidden || body.length == 0) {
      // -1 tells HttpServer there is no body at all (0 would mean chunked).
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
