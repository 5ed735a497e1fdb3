package dev.marquee.device;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a {@link FeedConnection} hears from the server. Calls come one at a time, on a thread of the
 * HTTP client; they must not block. After {@link #onClosed} or {@link #onFailure} no more messages
 * arrive.
 */
interface FeedListener {

  /** A whole JSON text message from the server. */
  void onMessage(JsonNode message);

  /**
   * The server pinged (the JDK answers with a pong by itself): the connection is alive even when no
   * message comes.
   */
  default void onPing() {}

  /** The server closed the connection with this status code and reason. */
  void onClosed(int statusCode, String reason);

  /**
   * The connection failed: an I/O error, or a {@link ProtocolException} when the server sent
   * something the client refuses (the client then closes with 1008 and a reason).
   */
  void onFailure(Throwable error);
}
