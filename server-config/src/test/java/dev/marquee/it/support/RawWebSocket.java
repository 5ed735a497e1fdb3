package dev.marquee.it.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written by hand over a plain TCP socket, for what well-behaved clients (the
 * JDK's included) cannot send: frames cut off after their header, unmasked frames, lengths that
 * lie. The opening handshake is the minimal one of RFC 6455; frames are whatever the test writes.
 */
public final class RawWebSocket implements AutoCloseable {

  /** How the server closed the socket: its close frame's code and reason. */
  public record Closed(int code, String reason) {}

  private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects and completes the opening handshake (101), or fails. */
  public static RawWebSocket open(URI uri) {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
      socket.setSoTimeout(15_000);
      RawWebSocket raw = new RawWebSocket(socket);
      byte[] key = new byte[16];
      ThreadLocalRandom.current().nextBytes(key);
      String request =
          "GET "
              + uri.getRawPath()
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
              + Base64.getEncoder().encodeToString(key)
              + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
      raw.out.write(request.getBytes(StandardCharsets.US_ASCII));
      raw.out.flush();
      String response = raw.readHead();
      if (!response.startsWith("HTTP/1.1 101")) {
        socket.close();
        throw new IllegalStateException("No upgrade: " + response);
      }
      return raw;
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Already failing.
      }
      throw new UncheckedIOException(e);
    }
  }

  /** Writes bytes as they are. */
  public RawWebSocket send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** A masked text frame, as a client must send it. */
  public RawWebSocket sendText(String text) throws IOException {
    return send(frame(0x81, true, text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Reads the server's frames until its close frame and returns its code; -1 and the failure when
   * the connection ended without one.
   */
  public Closed awaitClose() {
    try {
      while (true) {
        int first = readByte();
        int second = readByte();
        long length = second & 0x7f;
        if (length == 126) {
          length = (readByte() << 8) | readByte();
        } else if (length == 127) {
          length = 0;
          for (int i = 0; i < 8; i++) {
            length = (length << 8) | readByte();
          }
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
          throw new EOFException("frame cut off");
        }
        if ((first & 0x0f) == 0x8) {
          int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
          String reason =
              payload.length > 2
                  ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                  : "";
          return new Closed(code, reason);
        }
      }
    } catch (IOException e) {
      return new Closed(-1, e.toString());
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing anyway.
    }
  }

  /** A whole frame; masked frames get a fixed non-zero key and a masked payload. */
  public static byte[] frame(int first, boolean masked, byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.writeBytes(header(first, masked, payload.length));
    byte[] body = payload.clone();
    if (masked) {
      for (int i = 0; i < body.length; i++) {
        body[i] ^= MASK[i % 4];
      }
    }
    frame.writeBytes(body);
    return frame.toByteArray();
  }

  /**
   * A frame header declaring {@code length} payload bytes (7-, 16- or 64-bit form as RFC 6455
   * requires), with the masking key when masked.
   */
  public static byte[] header(int first, boolean masked, long length) {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.write(first);
    int mask = masked ? 0x80 : 0;
    if (length <= 125) {
      header.write(mask | (int) length);
    } else if (length <= 0xffff) {
      header.write(mask | 126);
      header.write((int) (length >> 8));
      header.write((int) length);
    } else {
      header.write(mask | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        header.write((int) (length >> shift));
      }
    }
    if (masked) {
      header.writeBytes(MASK);
    }
    return header.toByteArray();
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("connection closed");
    }
    return b;
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (head.size() < 8192) {
      head.write(readByte());
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4
          && bytes[n - 4] == '\r'
          && bytes[n - 3] == '\n'
          && bytes[n - 2] == '\r'
          && bytes[n - 1] == '\n') {
        break;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
