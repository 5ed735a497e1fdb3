package dev.marquee.screen.boundary;

/**
 * One screen's connection as the live feed drives it: the contract between the registry (this
 * module, which knows nothing of WebSocket) and the screens module, whose socket implements it.
 * Implementations never block the caller: sending is queued, and a slow screen only ever falls
 * behind on itself.
 */
public interface ScreenLink {

  /** Queues a message that must arrive (a welcome, an answer), in order. */
  void send(String message);

  /**
   * Queues a state, without sending it yet ({@link #flush()} does); a state still waiting to be
   * sent is replaced by the newer one (latest wins), so a screen that reads slowly gets the current
   * state, never a backlog. When it is sent, the link sends {@link FeedState#update()} if it
   * already sent the screen that widget revision, else {@link FeedState#message()}.
   */
  void offerState(FeedState state);

  /** Starts sending what is queued, unless a send is under way (its end sends the rest). */
  void flush();

  /**
   * Checks the connection is alive and sends a keep-alive.
   *
   * @return false when the screen did not answer the previous keep-alive or a send has been stuck
   *     since then: the caller closes it
   */
  boolean keepAlive();

  /** Closes the connection, telling the screen why. */
  void close(FeedCloseCode why);
}
