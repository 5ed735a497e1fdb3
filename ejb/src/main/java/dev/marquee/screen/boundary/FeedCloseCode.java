package dev.marquee.screen.boundary;

/**
 * Why the server closes a screen's socket. The codes are part of the screens protocol
 * (docs/screens-protocol.md), and they tell a screen what to do next: reconnect with back-off, pair
 * again, or stop.
 */
public enum FeedCloseCode {
  /** The server is stopping or restarting: reconnect with back-off. */
  GOING_AWAY(1001, "server restarting"),
  /**
   * A frame that breaks the WebSocket protocol itself (RFC 6455), such as an unmasked frame from a
   * screen.
   */
  PROTOCOL_ERROR(1002, "protocol error: frames from a screen must be masked"),
  /** A binary frame: the protocol is JSON text only. */
  BINARY_FRAME(1003, "binary frames are not accepted"),
  /** A text frame that is not a JSON object. */
  MALFORMED_JSON(1007, "malformed JSON"),
  /**
   * A frame whose payload is over the size limit, refused from its header before it is read, or a
   * message (fragmented) that grows over it.
   */
  FRAME_TOO_BIG(1009, "frame larger than " + FeedCloseCode.MAX_FRAME_BYTES + " bytes"),
  /** Something failed on the server: reconnect with back-off. */
  SERVER_ERROR(1011, "server error"),
  /** A JSON object without a known {@code type}, or a message not allowed at that point. */
  UNKNOWN_TYPE(4400, "missing or unknown message type"),
  /** No {@code hello} with a device token as the first message, in time. */
  NOT_AUTHENTICATED(4401, "send hello with the device token first"),
  /** The device token is unknown, revoked or its screen deleted: pair again. */
  TOKEN_REFUSED(4403, "device token not accepted; pair again"),
  /** The screen did not answer pings, or did not read what it was sent. */
  NOT_RESPONDING(4408, "no answer to pings"),
  /** The same screen connected again; this older socket is closed. Do not reconnect it. */
  REPLACED(4409, "the screen connected again on another socket");

  /** Frames from a screen above this size close the socket; no protocol message comes near it. */
  public static final int MAX_FRAME_BYTES = 8192;

  private final int code;
  private final String reason;

  FeedCloseCode(int code, String reason) {
    this.code = code;
    this.reason = reason;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }
}
