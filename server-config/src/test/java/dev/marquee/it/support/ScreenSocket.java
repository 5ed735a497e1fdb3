package dev.marquee.it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A screen's end of the feed, as a test drives it: send frames, read answers and the close. */
public final class ScreenSocket implements AutoCloseable {

  /** How the server closed the socket. */
  public record Closed(int code, String reason) {}

  private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private final boolean reading;

  private ScreenSocket(URI uri, boolean reading) {
    this.reading = reading;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Collector())
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
  }

  public static ScreenSocket open(URI uri) {
    return new ScreenSocket(uri, true);
  }

  /**
   * A screen that stopped reading: it never takes a frame, so it answers no ping either (as a hung
   * device or a dead network path would).
   */
  public static ScreenSocket openWithoutReading(URI uri) {
    return new ScreenSocket(uri, false);
  }

  public ScreenSocket send(String text) {
    socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    return this;
  }

  public ScreenSocket sendBinary(byte[] data) {
    socket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(5, TimeUnit.SECONDS).join();
    return this;
  }

  /** The next text frame from the server, waiting up to five seconds. */
  public String nextText() throws InterruptedException {
    return nextText(Duration.ofSeconds(5));
  }

  /** The next text frame from the server, waiting up to {@code within}. */
  public String nextText(Duration within) throws InterruptedException {
    String text = texts.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    if (text == null) {
      throw new AssertionError("No message from the server within " + within);
    }
    return text;
  }

  /**
   * Reads frames until one matches, failing after {@code within}; the frames before it are returned
   * too, in order, with the match last.
   */
  public java.util.List<String> until(java.util.function.Predicate<String> match, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    java.util.List<String> seen = new java.util.ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      String text = left > 0 ? texts.poll(left, TimeUnit.NANOSECONDS) : null;
      if (text == null) {
        throw new AssertionError("No matching message within " + within + "; saw " + seen);
      }
      seen.add(text);
      if (match.test(text)) {
        return seen;
      }
    }
  }

  /** The frames already received and not read yet. */
  public java.util.List<String> drain() {
    java.util.List<String> drained = new java.util.ArrayList<>();
    texts.drainTo(drained);
    return drained;
  }

  /** Whether the server closed the socket (or it failed) by now. */
  public boolean isClosed() {
    return closed.isDone();
  }

  /** How the server closed the socket, waiting up to five seconds. */
  public Closed awaitClose() {
    return closed.orTimeout(5, TimeUnit.SECONDS).join();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
    socket.abort();
  }

  private final class Collector implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      if (reading) {
        webSocket.request(1);
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        texts.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
