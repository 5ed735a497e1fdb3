package dev.marquee.screens.boundary;

import dev.marquee.platform.boundary.ServerInfo;
import dev.marquee.screen.boundary.FeedCloseCode;
import dev.marquee.screen.boundary.LiveScreens;
import dev.marquee.screens.boundary.FeedMessages.Hello;
import dev.marquee.screens.boundary.FeedMessages.Incoming;
import dev.marquee.screens.boundary.FeedMessages.Ping;
import dev.marquee.screens.boundary.FeedMessages.Refused;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket every screen (browser player or device client) holds open. It only moves frames and
 * keeps the protocol's order (hello first, within the deadline); what a screen is shown is {@link
 * LiveScreens}'s business.
 */
@ServerEndpoint("/ws/screen")
public class ScreenFeedEndpoint {

  private static final Logger LOG = Logger.getLogger(ScreenFeedEndpoint.class.getName());

  @Inject LiveScreens live;

  @Inject FeedDeadlines deadlines;

  @Inject ServerInfo serverInfo;

  private SocketLink link;
  private String address;
  private volatile boolean joined;
  private ScheduledFuture<?> helloDeadline;

  @OnOpen
  public void open(Session session) {
    session.setMaxTextMessageBufferSize(FeedCloseCode.MAX_FRAME_BYTES);
    session.setMaxBinaryMessageBufferSize(FeedCloseCode.MAX_FRAME_BYTES);
    // Keep-alives (LiveScreens) find dead sockets; the container's idle timeout must not. Tried
    // and dropped: a timeout of three keep-alive rounds (Tyrus re-arms it on every send, and with
    // 0 the armed task runs at once each time, which costs CPU) closed a live screen in the
    // fan-out benchmark: under Payara the re-arming did not reliably cancel the earlier task.
    session.setMaxIdleTimeout(0);
    link = new SocketLink(session);
    address = RemoteAddress.of(session);
    helloDeadline =
        deadlines.after(
            () -> {
              if (!joined) {
                link.close(FeedCloseCode.NOT_AUTHENTICATED);
              }
            });
  }

  @OnMessage(maxMessageSize = FeedCloseCode.MAX_FRAME_BYTES)
  public void text(String text, Session session) {
    Incoming message = FeedMessages.read(text);
    if (message instanceof Refused refused) {
      link.close(refused.code());
    } else if (!joined) {
      firstMessage(message);
    } else if (message instanceof Ping) {
      link.send(FeedMessages.pong(System.currentTimeMillis()));
    } else {
      // A second hello: the socket already belongs to a screen.
      link.close(FeedCloseCode.UNKNOWN_TYPE);
    }
  }

  private void firstMessage(Incoming message) {
    if (!(message instanceof Hello hello)) {
      link.close(FeedCloseCode.NOT_AUTHENTICATED);
      return;
    }
    if (hello.token() == null) {
      // Who is there, for a check; authentication must still follow before the deadline.
      link.send(
          FeedMessages.serverHello(
              serverInfo.product(), serverInfo.version(), System.currentTimeMillis()));
      return;
    }
    helloDeadline.cancel(false);
    if (live.join(link, hello.token(), hello.version(), address, hello.client()).isPresent()) {
      joined = true;
    } else {
      link.close(FeedCloseCode.TOKEN_REFUSED);
    }
  }

  @OnMessage
  public void pong(PongMessage pong) {
    link.ponged();
  }

  @OnMessage(maxMessageSize = FeedCloseCode.MAX_FRAME_BYTES)
  public void binary(ByteBuffer frame) {
    link.close(FeedCloseCode.BINARY_FRAME);
  }

  @OnClose
  public void closed(Session session, CloseReason reason) {
    if (helloDeadline != null) {
      helloDeadline.cancel(false);
    }
    if (joined) {
      live.leave(link);
    }
  }

  @OnError
  public void error(Session session, Throwable failure) {
    if (link == null) {
      return;
    }
    // Oversize frames arrive here in some containers rather than as a close by the container.
    if (isTooBig(failure)) {
      link.close(FeedCloseCode.FRAME_TOO_BIG);
      return;
    }
    if (!session.isOpen()) {
      // The peer went away mid-frame: nothing to tell it.
      LOG.log(Level.FINE, "Screen socket ended abruptly", failure);
      return;
    }
    LOG.log(Level.WARNING, "Screen socket failed; closing it", failure);
    link.close(FeedCloseCode.SERVER_ERROR);
  }

  private static boolean isTooBig(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().contains("MessageTooBig")) {
        return true;
      }
    }
    return false;
  }
}
