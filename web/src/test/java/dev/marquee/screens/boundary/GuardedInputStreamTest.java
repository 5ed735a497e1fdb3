package dev.marquee.screens.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.screen.boundary.FeedCloseCode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** The guarded stream as Tyrus's servlet handler reads it: sized by available(), while ready. */
class GuardedInputStreamTest {

  @Test
  void passesAcceptedFramesThroughAcrossReadsThatSplitTheirHeaders() throws IOException {
    byte[] ping = maskedFrame(0x81, "{\"type\":\"ping\"}".getBytes());
    byte[] big = maskedFrame(0x81, new byte[FeedCloseCode.MAX_FRAME_BYTES]);
    byte[] all = concat(ping, big, ping);
    for (int chunk : new int[] {1, 2, 7, 100, 5000, all.length}) {
      Connection connection = new Connection();
      for (int at = 0; at < all.length; at += chunk) {
        connection.arrive(Arrays.copyOfRange(all, at, Math.min(all.length, at + chunk)));
      }
      GuardedInputStream stream = new GuardedInputStream(connection, FrameGuard.forScreens());
      assertThat(readLikeTyrus(stream)).isEqualTo(all);
    }
  }

  @Test
  void anOversizeFrameBecomesACloseFrameAndWhatFollowsIsDroppedWithoutSpinning()
      throws IOException {
    byte[] ping = maskedFrame(0x81, "{\"type\":\"ping\"}".getBytes());
    byte[] header = {(byte) 0x81, (byte) 0xff, 0, 0, 0, 0, 0, (byte) 0x80, 0, 0, 1, 2, 3, 4};
    Connection connection = new Connection();
    connection.arrive(concat(ping, Arrays.copyOf(header, 5)));
    connection.arrive(concat(Arrays.copyOfRange(header, 5, 14), new byte[60_000]));
    GuardedInputStream stream = new GuardedInputStream(connection, FrameGuard.forScreens());

    byte[] read = readLikeTyrus(stream);

    assertThat(read).isEqualTo(concat(ping, FrameGuard.closeFrame(FeedCloseCode.FRAME_TOO_BIG)));
    assertThat(connection.chunks).isEmpty();
    assertThat(stream.isReady()).isFalse();
    // More from the peer is read and dropped.
    connection.arrive(new byte[10_000]);
    assertThat(readLikeTyrus(stream)).isEmpty();
    assertThat(connection.chunks).isEmpty();
  }

  @Test
  void anUnmaskedFrameBecomesAProtocolErrorClose() throws IOException {
    Connection connection = new Connection();
    connection.arrive(new byte[] {(byte) 0x81, 0x02, '{', '}'});
    GuardedInputStream stream = new GuardedInputStream(connection, FrameGuard.forScreens());
    assertThat(readLikeTyrus(stream))
        .isEqualTo(FrameGuard.closeFrame(FeedCloseCode.PROTOCOL_ERROR));
  }

  @Test
  void theCloseFrameComesOutEvenThroughReadsSmallerThanIt() throws IOException {
    Connection connection = new Connection();
    connection.arrive(new byte[] {(byte) 0x81, 0x7e});
    GuardedInputStream stream = new GuardedInputStream(connection, FrameGuard.forScreens());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] small = new byte[3];
    while (stream.isReady()) {
      int n = stream.read(small, 0, small.length);
      out.write(small, 0, Math.max(n, 0));
    }
    assertThat(out.toByteArray()).isEqualTo(FrameGuard.closeFrame(FeedCloseCode.PROTOCOL_ERROR));
  }

  @Test
  void availableIsCappedAndCountsTheHeldBytes() throws IOException {
    Connection connection = new Connection();
    connection.arrive(new byte[] {(byte) 0x81, (byte) 0xfe, 0x20});
    GuardedInputStream stream = new GuardedInputStream(connection, FrameGuard.forScreens());
    assertThat(stream.read(new byte[3], 0, 3)).isZero();
    connection.arrive(new byte[100_000]);
    assertThat(stream.available()).isEqualTo(GuardedInputStream.MAX_READ + 3);
  }

  /** What TyrusHttpUpgradeHandler.onDataAvailable does, minus the WebSocket parsing. */
  private static byte[] readLikeTyrus(GuardedInputStream stream) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int reads = 0;
    while (stream.isReady()) {
      assertThat(++reads).as("reads").isLessThan(10_000);
      int available = stream.available();
      byte[] data = new byte[available == 0 ? 16384 : available];
      int n = stream.read(data, 0, data.length);
      assertThat(n).isGreaterThanOrEqualTo(0);
      out.write(data, 0, n);
    }
    return out.toByteArray();
  }

  private static byte[] maskedFrame(int first, byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(first);
    if (payload.length <= 125) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length);
    }
    frame.writeBytes(new byte[4]);
    frame.writeBytes(payload);
    return frame.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  /** A connection's input: chunks as they arrived; ready while any is left. */
  private static final class Connection extends ServletInputStream {
    final Deque<byte[]> chunks = new ArrayDeque<>();

    void arrive(byte[] chunk) {
      chunks.add(chunk);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (chunks.isEmpty()) {
        throw new IllegalStateException("read while not ready");
      }
      byte[] chunk = chunks.poll();
      int n = Math.min(len, chunk.length);
      System.arraycopy(chunk, 0, b, off, n);
      if (n < chunk.length) {
        chunks.addFirst(Arrays.copyOfRange(chunk, n, chunk.length));
      }
      return n;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int available() {
      return chunks.isEmpty() ? 0 : chunks.peek().length;
    }

    @Override
    public boolean isReady() {
      return !chunks.isEmpty();
    }

    @Override
    public boolean isFinished() {
      return false;
    }

    @Override
    public void setReadListener(ReadListener listener) {}
  }
}
