package dev.marquee.screens.boundary;

import dev.marquee.platform.boundary.ServerInfo;
import jakarta.inject.Inject;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket every screen (browser player or device client) holds open. It only moves frames:
 * what a frame means is {@link FeedMessages}'s business.
 */
@ServerEndpoint("/ws/screen")
public class ScreenFeedEndpoint {

  /** Frames above this size close the socket (1009); no protocol message comes near it. */
  public static final int MAX_FRAME_BYTES = 8192;

  private static final Logger LOG = Logger.getLogger(ScreenFeedEndpoint.class.getName());

  @Inject ServerInfo serverInfo;

  private FeedMessages messages;

  @OnOpen
  public void open(Session session) {
    session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
    session.setMaxBinaryMessageBufferSize(MAX_FRAME_BYTES);
    messages = new FeedMessages(serverInfo.product(), serverInfo.version(), Clock.systemUTC());
  }

  @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
  public void text(String text, Session session) throws IOException {
    FeedReply reply = messages.onText(text);
    if (reply.closes()) {
      close(session, reply.close());
    } else {
      // Blocking send: replies are tiny, and a failed send surfaces here instead of vanishing.
      session.getBasicRemote().sendText(reply.text());
    }
  }

  @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
  public void binary(ByteBuffer frame, Session session) throws IOException {
    close(session, FeedCloseCode.BINARY_FRAME);
  }

  @OnError
  public void error(Session session, Throwable failure) {
    // Oversize frames arrive here in some containers rather than as a close by the container.
    if (isTooBig(failure)) {
      closeQuietly(session, FeedCloseCode.FRAME_TOO_BIG);
      return;
    }
    LOG.log(Level.WARNING, "Screen socket failed; closing it", failure);
    closeQuietly(session, FeedCloseCode.SERVER_ERROR);
  }

  private static boolean isTooBig(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().contains("MessageTooBig")) {
        return true;
      }
    }
    return false;
  }

  private static void close(Session session, FeedCloseCode code) throws IOException {
    if (session.isOpen()) {
      session.close(code.toCloseReason());
    }
  }

  private static void closeQuietly(Session session, FeedCloseCode code) {
    try {
      close(session, code);
    } catch (IOException e) {
      LOG.log(Level.FINE, "Screen socket was gone before it could be closed", e);
    }
  }
}
