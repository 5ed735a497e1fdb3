package dev.marquee.screens.boundary;

/**
 * What the server does with one message from a screen: answer it, or close the socket.
 *
 * @param text the JSON to send back, or null when closing
 * @param close why the socket closes, or null when answering
 */
record FeedReply(String text, FeedCloseCode close) {

  static FeedReply answer(String json) {
    return new FeedReply(json, null);
  }

  static FeedReply closeWith(FeedCloseCode code) {
    return new FeedReply(null, code);
  }

  boolean closes() {
    return close != null;
  }
}
