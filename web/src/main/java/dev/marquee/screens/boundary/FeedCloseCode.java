package dev.marquee.screens.boundary;

import jakarta.websocket.CloseReason;

/**
 * Why the server closes a screen's socket. The codes are part of the screens protocol
 * (docs/screens-protocol.md): a client must not reconnect in a loop on a protocol error.
 */
public enum FeedCloseCode {
  /** A binary frame: the protocol is JSON text only. */
  BINARY_FRAME(1003, "binary frames are not accepted"),
  /** A text frame that is not a JSON object. */
  MALFORMED_JSON(1007, "malformed JSON"),
  /** A frame over the size limit. */
  FRAME_TOO_BIG(1009, "frame larger than " + ScreenFeedEndpoint.MAX_FRAME_BYTES + " bytes"),
  /** A JSON object without a known {@code type}. */
  UNKNOWN_TYPE(4400, "missing or unknown message type"),
  /** Something failed on the server; the screen may reconnect. */
  SERVER_ERROR(1011, "server error");

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

  CloseReason toCloseReason() {
    return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason);
  }
}
