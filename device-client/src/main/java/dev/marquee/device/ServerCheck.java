package dev.marquee.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * {@code --check}: connects to the screens endpoint, says hello, and reads the server's hello, all
 * within one timeout.
 */
final class ServerCheck {
  /** How long a successful check waits for the server to answer its normal close. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

  /** Close codes of the screens protocol, to say what the server objected to. */
  private static final Map<Integer, String> CLOSE_CODES =
      Map.of(
          1001, "going away",
          1002, "protocol error",
          1003, "binary frame refused",
          1007, "malformed JSON",
          1008, "policy violation",
          1009, "frame too big",
          1011, "server error",
          4400, "missing or unknown \"type\"");

  /**
   * A check that worked.
   *
   * @param hello what the server said
   * @param endpoint where it said it
   * @param roundTrip from sending hello to receiving the server's
   */
  record Result(ServerHello hello, URI endpoint, Duration roundTrip) {
    /** The one line {@code --check} prints. */
    String summary() {
      return hello.server()
          + " "
          + hello.version()
          + " at "
          + endpoint
          + " (round trip "
          + roundTrip.toMillis()
          + " ms)";
    }
  }

  /** A check that did not work; the message is one line for the operator. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    Failure(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }

    int exitCode() {
      return exitCode;
    }
  }

  /** The server closed the connection before it answered. */
  private static final class ServerClosed extends Exception {
    private static final long serialVersionUID = 1L;
    private final int statusCode;
    private final String reason;

    ServerClosed(int statusCode, String reason) {
      super("closed with " + statusCode);
      this.statusCode = statusCode;
      this.reason = reason;
    }
  }

  private final URI endpoint;
  private final Duration timeout;
  private final String clientId;

  ServerCheck(ServerAddress server, Duration timeout, String clientId) {
    this.endpoint = server.endpoint();
    this.timeout = timeout;
    this.clientId = clientId;
  }

  /**
   * Runs the check.
   *
   * @throws Failure with {@link ExitCode#UNREACHABLE} or {@link ExitCode#PROTOCOL}
   */
  Result run() throws Failure, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    FeedListener listener =
        new FeedListener() {
          @Override
          public void onMessage(JsonNode message) {
            answer.complete(message);
          }

          @Override
          public void onClosed(int statusCode, String reason) {
            answer.completeExceptionally(new ServerClosed(statusCode, reason));
          }

          @Override
          public void onFailure(Throwable error) {
            answer.completeExceptionally(error);
          }
        };

    CompletableFuture<FeedConnection> opening = FeedConnection.open(endpoint, timeout, listener);
    ClientMessage hello = new ClientMessage.Hello(clientId);
    Json.warmUp(hello); // while the handshake is in flight, so the round trip is not class loading
    FeedConnection connection;
    try {
      connection = await(opening, deadline);
    } catch (ExecutionException | TimeoutException e) {
      opening.thenAccept(FeedConnection::abort); // should it still open after all
      throw failure(e, "the WebSocket handshake");
    }

    try {
      long sent = System.nanoTime();
      ServerHello answered;
      try {
        await(connection.send(hello), deadline);
        answered = ServerHello.from(await(answer, deadline));
      } catch (ExecutionException | TimeoutException | ProtocolException e) {
        Failure failure = failure(e, "the server's hello");
        if (failure.exitCode() == ExitCode.PROTOCOL) {
          connection.close(CLOSE_GRACE); // the server is there: finish the closing handshake
        }
        throw failure;
      }
      Duration roundTrip = Duration.ofNanos(System.nanoTime() - sent);
      connection.close(CLOSE_GRACE);
      return new Result(answered, endpoint, roundTrip);
    } finally {
      connection.abort();
    }
  }

  private static <T> T await(CompletableFuture<T> future, long deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** Turns what went wrong into the operator's one line and an exit code. */
  private Failure failure(Exception thrown, String waitingFor) {
    Throwable cause =
        thrown instanceof ExecutionException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    if (cause instanceof ServerClosed closed) {
      String meaning = CLOSE_CODES.get(closed.statusCode);
      return new Failure(
          ExitCode.PROTOCOL,
          endpoint
              + " closed the connection instead of answering hello: "
              + closed.statusCode
              + (meaning == null ? "" : " (" + meaning + ")")
              + (closed.reason.isBlank() ? "" : " \"" + closed.reason + "\""));
    }
    if (cause instanceof ProtocolException) {
      return new Failure(
          ExitCode.PROTOCOL, "protocol error from " + endpoint + ": " + cause.getMessage());
    }
    WebSocketHandshakeException refused = find(cause, WebSocketHandshakeException.class);
    if (refused != null) {
      return new Failure(
          ExitCode.PROTOCOL,
          endpoint
              + " refused the WebSocket upgrade with HTTP "
              + refused.getResponse().statusCode()
              + ": is it a Marquee server, and is the base path right?");
    }
    if (cause instanceof TimeoutException || find(cause, HttpTimeoutException.class) != null) {
      return new Failure(
          ExitCode.UNREACHABLE,
          "no answer from "
              + endpoint
              + " within "
              + seconds(timeout)
              + " s (waiting for "
              + waitingFor
              + ")");
    }
    String cannotConnect = "cannot connect to " + endpoint + ": ";
    if (find(cause, UnresolvedAddressException.class) != null
        || find(cause, UnknownHostException.class) != null) {
      return new Failure(
          ExitCode.UNREACHABLE, cannotConnect + "unknown host '" + endpoint.getHost() + "'");
    }
    SSLException tls = find(cause, SSLException.class);
    if (tls != null) {
      return new Failure(
          ExitCode.UNREACHABLE, cannotConnect + "TLS handshake failed: " + tls.getMessage());
    }
    if (find(cause, ConnectException.class) != null) {
      String why = "connection refused";
      for (Throwable t = cause; t != null; t = t.getCause()) {
        if (t instanceof ConnectException && t.getMessage() != null) {
          why = t.getMessage();
          break;
        }
      }
      return new Failure(ExitCode.UNREACHABLE, cannotConnect + why);
    }
    IOException io = find(cause, IOException.class);
    if (io != null) {
      return new Failure(
          ExitCode.UNREACHABLE,
          "connection to "
              + endpoint
              + " failed while waiting for "
              + waitingFor
              + ": "
              + (io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()));
    }
    throw new IllegalStateException("unexpected failure while waiting for " + waitingFor, cause);
  }

  private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis())
        .movePointLeft(3)
        .stripTrailingZeros()
        .toPlainString();
  }
}
