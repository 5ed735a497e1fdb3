package dev.marquee.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Base for every sandbox handler: computes an {@link HttpReply}, sends it and always closes the
 * exchange, so a bug in one handler yields a 500 instead of a hung connection.
 */
public abstract class ReplyingHandler implements HttpHandler {

  private static final Logger LOG = Logger.getLogger(ReplyingHandler.class.getName());

  @Override
  public final void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpReply reply;
      try {
        reply = reply(exchange);
      } catch (Exchanges.RequestTooLargeException e) {
        reply = HttpReply.text(413, "Request body too large");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply = HttpReply.text(503, "Sandbox shutting down");
      } catch (RuntimeException | IOException e) {
        // Only the exception type and path are logged: messages may quote request data.
        LOG.log(
            Level.WARNING,
            "Unexpected {0} while handling {1} {2}",
            new Object[] {
              e.getClass().getSimpleName(),
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath()
            });
        reply = internalError();
      }
      reply.sendTo(exchange);
    }
  }

  /** Computes the reply for one request. */
  protected abstract HttpReply reply(HttpExchange exchange)
      throws IOException, InterruptedException;

  /** The reply used when {@link #reply} fails unexpectedly. */
  protected HttpReply internalError() {
    return HttpReply.text(500, "Internal sandbox error");
  }
}
