package dev.marquee.screens.boundary;

import dev.marquee.screen.boundary.FeedCloseCode;

/**
 * Reads the headers of the frames a screen sends (RFC 6455, section 5.2) as the bytes pass from the
 * connection to the WebSocket implementation, and stops the stream at the first frame the protocol
 * refuses, before its payload is read or buffered anywhere:
 *
 * <ul>
 *   <li>a frame whose declared payload length is over {@link FeedCloseCode#MAX_FRAME_BYTES}: {@link
 *       FeedCloseCode#FRAME_TOO_BIG} (1009), decided from the length field;
 *   <li>an unmasked frame (a client must mask every frame): {@link FeedCloseCode#PROTOCOL_ERROR}
 *       (1002), decided from the second byte.
 * </ul>
 *
 * The limit is per frame, control frames included. A message fragmented into frames each within the
 * limit is limited as a whole by the session's message buffer, which Tyrus enforces with 1009 (see
 * {@link ScreenFeedEndpoint}); Tyrus holds at most that buffer plus one frame. Everything else
 * (opcodes, reserved bits, control-frame rules, UTF-8) stays Tyrus's business.
 *
 * <p>A header's bytes are held back until the header is complete and accepted, so the WebSocket
 * implementation never sees part of a refused frame; at most {@link #MAX_HEADER} - 1 bytes are
 * held. Not thread-safe: one guard per connection, driven by its reads.
 */
final class FrameGuard {

  /** The longest header: 2 bytes, a 64-bit extended length and a 4-byte masking key. */
  static final int MAX_HEADER = 14;

  private final long maxPayload;
  private final byte[] header = new byte[MAX_HEADER];
  private int headerLength;
  private long payloadLeft;
  private FeedCloseCode refusal;

  FrameGuard(long maxPayload) {
    this.maxPayload = maxPayload;
  }

  /** The guard of the screens protocol's limit. */
  static FrameGuard forScreens() {
    return new FrameGuard(FeedCloseCode.MAX_FRAME_BYTES);
  }

  /** Bytes of an unfinished header held back from the output so far. */
  int held() {
    return headerLength;
  }

  /** Why the stream stopped, or null while every frame so far is accepted. */
  FeedCloseCode refusal() {
    return refusal;
  }

  /**
   * Passes {@code length} bytes from {@code in} to {@code out} as far as the frames are accepted,
   * holding back an unfinished header (it comes out, whole, with a later call) and stopping at a
   * refused frame: nothing of it or after it comes out. {@code out} may be {@code in}: the output
   * never overtakes the input provided {@code outOffset + held() <= inOffset}.
   *
   * @return how many bytes were written to {@code out}
   */
  int filter(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
    int read = inOffset;
    int end = inOffset + length;
    int written = outOffset;
    while (read < end && refusal == null) {
      if (payloadLeft > 0) {
        int passing = (int) Math.min(payloadLeft, end - read);
        System.arraycopy(in, read, out, written, passing);
        read += passing;
        written += passing;
        payloadLeft -= passing;
        continue;
      }
      header[headerLength++] = in[read++];
      if (headerLength < 2) {
        continue;
      }
      if ((header[1] & 0x80) == 0) {
        refuse(FeedCloseCode.PROTOCOL_ERROR);
        break;
      }
      int lengthCode = header[1] & 0x7f;
      int lengthBytes = lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0;
      if (headerLength < 2 + lengthBytes) {
        continue;
      }
      long declared = lengthBytes == 0 ? lengthCode : number(header, 2, lengthBytes);
      // A 64-bit length with its top bit set is negative here: over any limit too.
      if (declared < 0 || declared > maxPayload) {
        refuse(FeedCloseCode.FRAME_TOO_BIG);
        break;
      }
      if (headerLength < 2 + lengthBytes + 4) {
        continue;
      }
      System.arraycopy(header, 0, out, written, headerLength);
      written += headerLength;
      headerLength = 0;
      payloadLeft = declared;
    }
    return written - outOffset;
  }

  private void refuse(FeedCloseCode why) {
    refusal = why;
    headerLength = 0;
  }

  private static long number(byte[] bytes, int offset, int length) {
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    return value;
  }

  /**
   * A close frame as a client sends it (masked, with a zero key), for the WebSocket implementation
   * to act on as if the screen had sent it: it closes the session with this code and echoes the
   * code to the screen.
   */
  static byte[] closeFrame(FeedCloseCode why) {
    byte[] reason = why.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int payload = 2 + reason.length;
    if (payload > 125) {
      throw new IllegalArgumentException("A close reason must fit a control frame: " + why);
    }
    byte[] frame = new byte[2 + 4 + payload];
    frame[0] = (byte) 0x88;
    frame[1] = (byte) (0x80 | payload);
    // frame[2..5]: the masking key, zero, so the payload reads as it is.
    frame[6] = (byte) (why.code() >> 8);
    frame[7] = (byte) why.code();
    System.arraycopy(reason, 0, frame, 8, reason.length);
    return frame;
  }
}
