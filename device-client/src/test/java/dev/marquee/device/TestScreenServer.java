package dev.marquee.device;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A WebSocket server on a free loopback port that plays the Marquee server's part as each test
 * scripts it, and records what the client did.
 */
final class TestScreenServer extends WebSocketServer {
  static final String HELLO =
      "{\"type\":\"hello\",\"server\":\"Marquee\",\"version\":\"0.1.0\","
          + "\"serverTime\":1732240000000}";

  private final BiConsumer<WebSocket, String> onText;
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  /** The path of each upgrade request. */
  final BlockingQueue<String> paths = new LinkedBlockingQueue<>();

  /** Each text message the client sent. */
  final BlockingQueue<String> received = new LinkedBlockingQueue<>();

  /**
   * How each connection was closed, as the server saw it: the code, then the reason if any, as in
   * {@code "1008 binary frame"} (1006: dropped without a close frame).
   */
  final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

  /** Starts a server that answers every text message with {@code onText}. */
  static TestScreenServer start(BiConsumer<WebSocket, String> onText) throws Exception {
    TestScreenServer server = new TestScreenServer(onText);
    server.setReuseAddr(true);
    server.start();
    server.started.get(10, TimeUnit.SECONDS);
    return server;
  }

  private TestScreenServer(BiConsumer<WebSocket, String> onText) {
    super(new InetSocketAddress("127.0.0.1", 0));
    this.onText = onText;
  }

  String url() {
    return "ws://127.0.0.1:" + getPort();
  }

  @Override
  public void onStart() {
    started.complete(null);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    paths.add(handshake.getResourceDescriptor());
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    received.add(message);
    onText.accept(conn, message);
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {
    conn.close(1003, "binary frames are refused");
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    closes.add(reason.isEmpty() ? String.valueOf(code) : code + " " + reason);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    if (conn == null) {
      started.completeExceptionally(ex);
    }
  }
}
