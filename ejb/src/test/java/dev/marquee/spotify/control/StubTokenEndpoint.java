package dev.marquee.spotify.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A token endpoint that gives whatever answer a test sets, for answers the sandbox never gives
 * (redirects, unknown errors, echoed values, missing fields), and records the requests it gets.
 */
final class StubTokenEndpoint implements AutoCloseable {

  /** One canned answer. */
  record Answer(int status, String contentType, String body, Map<String, String> headers) {

    static Answer json(int status, String body) {
      return new Answer(status, "application/json; charset=utf-8", body, Map.of());
    }

    Answer withHeader(String name, String value) {
      Map<String, String> more = new java.util.HashMap<>(headers);
      more.put(name, value);
      return new Answer(status, contentType, body, Map.copyOf(more));
    }
  }

  /** What the client sent. */
  record Received(String method, String path, String authorization, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Answer answer = Answer.json(500, "{}");

  private StubTokenEndpoint(HttpServer server) {
    this.server = server;
  }

  static StubTokenEndpoint start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      StubTokenEndpoint stub = new StubTokenEndpoint(server);
      server.createContext("/", stub::handle);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void answer(Answer next) {
    this.answer = next;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body));
      Answer current = answer;
      byte[] bytes = current.body().getBytes(StandardCharsets.UTF_8);
      if (current.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", current.contentType());
      }
      current.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(current.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
