package dev.marquee.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/** Small helpers to read requests from an {@link HttpExchange}. */
public final class Exchanges {

  /** Requests to the sandbox are small; anything larger is refused rather than buffered. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private Exchanges() {}

  public static Parameters query(HttpExchange exchange) {
    return Parameters.parse(exchange.getRequestURI().getRawQuery());
  }

  /**
   * Reads the whole body.
   *
   * @throws RequestTooLargeException when it exceeds {@link #MAX_BODY_BYTES}
   */
  public static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new RequestTooLargeException();
      }
      return body;
    }
  }

  public static Optional<String> header(HttpExchange exchange, String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  /** True when the request body is declared as an HTML form / OAuth token request. */
  public static boolean isFormEncoded(HttpExchange exchange) {
    return header(exchange, "Content-Type")
        .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
        .orElse(false);
  }

  /** Thrown when a request body is larger than the sandbox accepts. */
  public static final class RequestTooLargeException extends IOException {
    public RequestTooLargeException() {
      super("Request body too large");
    }
  }
}
