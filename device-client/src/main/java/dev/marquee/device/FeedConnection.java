package dev.marquee.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One WebSocket connection to the Marquee screens endpoint, over the JDK's {@link WebSocket}. Sends
 * {@link ClientMessage}s as JSON text frames and hands every whole text message from the server,
 * parsed, to a {@link FeedListener}.
 */
final class FeedConnection {
  /** The server closes the socket on frames larger than this; the client never sends one. */
  static final int MAX_FRAME_BYTES = 8192;

  /** The client refuses server messages longer than this: a Pi has little heap. */
  static final int MAX_INBOUND_CHARS = 64 * 1024;

  static final int NORMAL_CLOSURE = 1000;

  /**
   * How the client closes on a message it refuses; the reason says which fault. (The JDK's client
   * may not send 1003, 1007 or 1009, the codes the server uses for the same faults.)
   */
  static final int POLICY_VIOLATION = 1008;

  private final WebSocket socket;
  private final Receiver receiver;

  private FeedConnection(WebSocket socket, Receiver receiver) {
    this.socket = socket;
    this.receiver = receiver;
  }

  /**
   * Opens a connection. The returned stage fails with the JDK's exception when the server cannot be
   * reached ({@link java.net.ConnectException}, {@link java.net.http.HttpTimeoutException}) or
   * refuses the upgrade ({@link java.net.http.WebSocketHandshakeException}).
   *
   * @param connectTimeout how long the TCP connect and the opening handshake may take
   */
  static CompletableFuture<FeedConnection> open(
      URI endpoint, Duration connectTimeout, FeedListener listener) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    Receiver receiver = new Receiver(listener);
    return client
        .newWebSocketBuilder()
        .connectTimeout(connectTimeout)
        .buildAsync(endpoint, receiver)
        .thenApply(socket -> new FeedConnection(socket, receiver));
  }

  /** Sends one message; the stage completes when it is handed to the network. */
  CompletableFuture<Void> send(ClientMessage message) {
    String json = Json.encode(message);
    if (json.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES) {
      throw new IllegalArgumentException(
          "a " + message.getClass().getSimpleName() + " over " + MAX_FRAME_BYTES + " bytes");
    }
    return socket.sendText(json, true).thenApply(ws -> null);
  }

  /**
   * Closes normally (1000): sends the close frame, waits up to {@code grace} for the server's close
   * frame, then drops the connection whatever happened.
   */
  void close(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      if (!socket.isOutputClosed()) {
        socket.sendClose(NORMAL_CLOSURE, "").get(grace.toNanos(), TimeUnit.NANOSECONDS);
      }
      receiver.closed.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // The server did not finish the closing handshake: nothing left to say to it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      socket.abort();
    }
  }

  /** Drops the connection at once, without a closing handshake. */
  void abort() {
    socket.abort();
  }

  /** Assembles text fragments into messages, parses them and tells the listener. */
  private static final class Receiver implements WebSocket.Listener {
    private final FeedListener listener;
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private boolean refused;

    Receiver(FeedListener listener) {
      this.listener = listener;
    }

    @Override
    public void onOpen(WebSocket socket) {
      socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      socket.request(1);
      if (refused) {
        return null;
      }
      text.append(data);
      if (text.length() > MAX_INBOUND_CHARS) {
        refuse(
            socket,
            "message too big",
            new ProtocolException(
                "the server sent a message over " + MAX_INBOUND_CHARS + " characters"));
        return null;
      }
      if (last) {
        String whole = text.toString();
        text.setLength(0);
        JsonNode message;
        try {
          message = Json.decode(whole);
        } catch (ProtocolException e) {
          refuse(socket, "malformed JSON", e);
          return null;
        }
        listener.onMessage(message);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
      // The JDK's WebSocket sends the pong itself; this only asks for the next message.
      socket.request(1);
      if (!refused) {
        listener.onPing();
      }
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
      socket.request(1);
      if (!refused) {
        refuse(
            socket,
            "binary frame",
            new ProtocolException("the server sent a binary frame; Marquee speaks JSON text"));
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closed.complete(null);
      if (!refused) {
        listener.onClosed(statusCode, reason);
      }
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.complete(null);
      if (!refused) {
        listener.onFailure(error);
      }
    }

    private void refuse(WebSocket socket, String reason, ProtocolException why) {
      refused = true;
      text.setLength(0);
      // Tell the listener once the close frame is out, so it may drop the connection at once.
      socket.sendClose(POLICY_VIOLATION, reason).whenComplete((ws, e) -> listener.onFailure(why));
    }
  }
}
