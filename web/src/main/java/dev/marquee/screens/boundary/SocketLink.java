package dev.marquee.screens.boundary;

import dev.marquee.screen.boundary.FeedCloseCode;
import dev.marquee.screen.boundary.FeedState;
import dev.marquee.screen.boundary.ScreenLink;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A screen's socket as the live feed drives it. Sends are asynchronous and one at a time: messages
 * that must arrive wait in a short queue, and a state waits in a single slot that a newer state
 * replaces, so a screen that reads slowly (or not at all) holds at most one state and delays
 * nobody. The widget definition (most of a state's size) is sent once per revision.
 */
final class SocketLink implements ScreenLink {

  /** Messages that must arrive (welcome, answers) one screen may have waiting. */
  static final int MAX_QUEUED = 16;

  private static final Logger LOG = Logger.getLogger(SocketLink.class.getName());
  private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {'m', 'q'});

  private final Session session;
  private final Queue<String> queued = new ArrayDeque<>();
  private FeedState pendingState;
  private int widgetRevisionSent = -1;
  private boolean sending;
  private long sends;
  private long sendInProgressAtLastCheck = -1;
  private volatile boolean pongSinceLastPing = true;

  SocketLink(Session session) {
    this.session = session;
  }

  @Override
  public void send(String message) {
    synchronized (this) {
      if (queued.size() >= MAX_QUEUED) {
        // A screen that asks faster than it reads loses answers, never the server's memory.
        return;
      }
      queued.add(message);
    }
    drain();
  }

  @Override
  public void offerState(FeedState state) {
    synchronized (this) {
      pendingState = state;
    }
  }

  @Override
  public void flush() {
    drain();
  }

  /** The screen answered a ping. */
  void ponged() {
    pongSinceLastPing = true;
  }

  @Override
  public boolean keepAlive() {
    boolean alive;
    synchronized (this) {
      // The same send still outstanding a whole round later: the screen stopped reading.
      boolean stuck = sending && sendInProgressAtLastCheck == sends;
      sendInProgressAtLastCheck = sending ? sends : -1;
      alive = pongSinceLastPing && !stuck && session.isOpen();
    }
    if (alive) {
      pongSinceLastPing = false;
      try {
        session.getAsyncRemote().sendPing(PING.duplicate());
      } catch (IOException | IllegalStateException e) {
        return false;
      }
    }
    return alive;
  }

  @Override
  public void close(FeedCloseCode why) {
    if (!session.isOpen()) {
      return;
    }
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(why.code()), why.reason()));
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "Screen socket was gone before it could be closed", e);
    }
  }

  private void drain() {
    String next;
    synchronized (this) {
      if (sending) {
        return;
      }
      next = queued.poll();
      if (next == null && pendingState != null) {
        next = textOf(pendingState);
        pendingState = null;
      }
      if (next == null) {
        return;
      }
      sending = true;
      sends++;
    }
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    // Tyrus arms an idle-timeout task on the container's managed scheduler for every send, and
    // Payara captures thread context for it with a ServiceLoader lookup through the thread's
    // context class loader: through every jar of the application, per send. That was most of the
    // server's CPU when pushing to 5,000 screens (see docs/benchmarks.md). The platform class
    // loader has no application providers to find and answers at once; a send needs no
    // application class.
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try {
      session.getAsyncRemote().sendText(next, this::sent);
    } catch (IllegalStateException e) {
      // Closed meanwhile: the endpoint's close handler takes the link out of the feed.
      synchronized (this) {
        sending = false;
      }
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  /** Under this link's lock: the widget definition goes only to a screen without its revision. */
  private String textOf(FeedState state) {
    if (state.widgetRevision() == widgetRevisionSent) {
      return state.update();
    }
    widgetRevisionSent = state.widgetRevision();
    return state.message();
  }

  private void sent(SendResult result) {
    synchronized (this) {
      sending = false;
    }
    if (result.isOK()) {
      drain();
    } else {
      LOG.log(Level.FINE, "A send to a screen failed; its socket closes", result.getException());
      close(FeedCloseCode.NOT_RESPONDING);
    }
  }
}
