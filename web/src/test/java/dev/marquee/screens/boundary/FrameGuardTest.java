package dev.marquee.screens.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.screen.boundary.FeedCloseCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameGuardTest {

  private static final int LIMIT = FeedCloseCode.MAX_FRAME_BYTES;

  @Test
  void passesMaskedFramesWithinTheLimitUnchanged() {
    byte[] stream =
        concat(
            frame(0x81, true, text("{\"type\":\"hello\"}")),
            frame(0x89, true, new byte[3]),
            frame(0x81, true, new byte[200]),
            frame(0x81, true, new byte[LIMIT]),
            frame(0x8a, true, new byte[0]));
    FrameGuard guard = FrameGuard.forScreens();
    assertThat(throughInPlace(guard, stream, stream.length)).isEqualTo(stream);
    assertThat(guard.refusal()).isNull();
    assertThat(guard.held()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 7, 13, 14, 100, 8191})
  void passesTheSameBytesWhateverTheReadsAreCutInto(int chunk) {
    byte[] stream =
        concat(
            frame(0x81, true, new byte[10]),
            frame(0x01, true, new byte[126]),
            frame(0x80, true, new byte[300]),
            frame(0x81, true, new byte[LIMIT]),
            frame0x7fLength(0x82, LIMIT),
            frame(0x88, true, new byte[] {0x03, (byte) 0xe8}));
    FrameGuard guard = FrameGuard.forScreens();
    assertThat(throughInPlace(guard, stream, chunk)).isEqualTo(stream);
    assertThat(guard.refusal()).isNull();
  }

  @Test
  void holdsBackAnUnfinishedHeaderUntilItIsWhole() {
    byte[] frame = frame(0x81, true, new byte[300]);
    FrameGuard guard = FrameGuard.forScreens();
    byte[] out = new byte[frame.length + FrameGuard.MAX_HEADER];
    // 0x81, 0xFE, 16-bit length, 4-byte key: 8 header bytes.
    assertThat(guard.filter(frame, 0, 5, out, 0)).isZero();
    assertThat(guard.held()).isEqualTo(5);
    assertThat(guard.filter(frame, 5, 4, out, 0)).isEqualTo(9);
    assertThat(Arrays.copyOf(out, 9)).isEqualTo(Arrays.copyOf(frame, 9));
    assertThat(guard.held()).isZero();
  }

  @Test
  void refusesADeclaredLengthOverTheLimitFromTheHeaderAlone() {
    // 8 MiB declared with a 64-bit length; only the header and a little payload ever arrive.
    byte[] start = Arrays.copyOf(header(0x81, true, 8L << 20), 14 + 1000);
    FrameGuard guard = FrameGuard.forScreens();
    byte[] out = new byte[start.length + FrameGuard.MAX_HEADER];
    assertThat(guard.filter(start, 0, 9, out, 0)).isZero();
    assertThat(guard.refusal()).isNull();
    // The last length byte decides, before the masking key.
    assertThat(guard.filter(start, 9, 1, out, 0)).isZero();
    assertThat(guard.refusal()).isEqualTo(FeedCloseCode.FRAME_TOO_BIG);
    assertThat(guard.filter(start, 10, start.length - 10, out, 0)).isZero();
  }

  @Test
  void refusesOneByteOverTheLimitWith16BitAnd64BitLengthsAndANegative64BitLength() {
    assertThat(refusalOf(header(0x81, true, LIMIT + 1))).isEqualTo(FeedCloseCode.FRAME_TOO_BIG);
    assertThat(refusalOf(header0x7f(0x81, LIMIT + 1))).isEqualTo(FeedCloseCode.FRAME_TOO_BIG);
    assertThat(refusalOf(header0x7f(0x81, Long.MIN_VALUE))).isEqualTo(FeedCloseCode.FRAME_TOO_BIG);
    assertThat(refusalOf(header0x7f(0x81, -1))).isEqualTo(FeedCloseCode.FRAME_TOO_BIG);
    assertThat(refusalOf(header(0x81, true, LIMIT))).isNull();
  }

  @Test
  void theLimitHoldsForEveryFrameOfAFragmentedMessageAndForControlFrames() {
    byte[] first = frame(0x01, true, new byte[LIMIT]);
    byte[] oversizeContinuation = header(0x80, true, LIMIT + 1);
    FrameGuard guard = FrameGuard.forScreens();
    byte[] stream = concat(first, oversizeContinuation);
    byte[] passed = throughInPlace(guard, stream, stream.length);
    assertThat(passed).isEqualTo(first);
    assertThat(guard.refusal()).isEqualTo(FeedCloseCode.FRAME_TOO_BIG);
    assertThat(refusalOf(header(0x89, true, 70_000))).isEqualTo(FeedCloseCode.FRAME_TOO_BIG);
  }

  @ParameterizedTest
  @ValueSource(ints = {0x81, 0x82, 0x89, 0x8a, 0x88, 0x01})
  void refusesAnUnmaskedFrameAtItsSecondByte(int first) {
    byte[] unmasked = frame(first, false, new byte[5]);
    FrameGuard guard = FrameGuard.forScreens();
    byte[] out = new byte[unmasked.length + FrameGuard.MAX_HEADER];
    assertThat(guard.filter(unmasked, 0, 1, out, 0)).isZero();
    assertThat(guard.refusal()).isNull();
    assertThat(guard.filter(unmasked, 1, 1, out, 0)).isZero();
    assertThat(guard.refusal()).isEqualTo(FeedCloseCode.PROTOCOL_ERROR);
  }

  @Test
  void passesTheFramesBeforeARefusedOneAndNothingAfter() {
    byte[] good = frame(0x81, true, text("{\"type\":\"ping\"}"));
    byte[] stream = concat(good, frame(0x81, false, text("{}")), good);
    for (int chunk : new int[] {1, 3, stream.length}) {
      FrameGuard guard = FrameGuard.forScreens();
      assertThat(throughInPlace(guard, stream, chunk)).isEqualTo(good);
      assertThat(guard.refusal()).isEqualTo(FeedCloseCode.PROTOCOL_ERROR);
    }
  }

  @Test
  void anUnmaskedFrameThatIsAlsoTooBigIsAProtocolError() {
    assertThat(refusalOf(header(0x81, false, 8L << 20))).isEqualTo(FeedCloseCode.PROTOCOL_ERROR);
  }

  @Test
  void closeFramesAreMaskedWithAZeroKeyAndCarryTheCodeAndReason() {
    for (FeedCloseCode code :
        new FeedCloseCode[] {FeedCloseCode.FRAME_TOO_BIG, FeedCloseCode.PROTOCOL_ERROR}) {
      byte[] close = FrameGuard.closeFrame(code);
      assertThat(close[0] & 0xff).isEqualTo(0x88);
      assertThat(close[1] & 0x80).isEqualTo(0x80);
      int payload = close[1] & 0x7f;
      assertThat(payload).isLessThanOrEqualTo(125).isEqualTo(close.length - 6);
      assertThat(Arrays.copyOfRange(close, 2, 6)).containsOnly(0);
      assertThat(((close[6] & 0xff) << 8) | (close[7] & 0xff)).isEqualTo(code.code());
      assertThat(new String(close, 8, payload - 2, StandardCharsets.UTF_8))
          .isEqualTo(code.reason());
      // The guard lets its own close frame through.
      FrameGuard guard = FrameGuard.forScreens();
      assertThat(throughInPlace(guard, close, close.length)).isEqualTo(close);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static FeedCloseCode refusalOf(byte[] bytes) {
    FrameGuard guard = FrameGuard.forScreens();
    throughInPlace(guard, bytes, 1);
    return guard.refusal();
  }

  /**
   * Feeds the stream in reads of {@code chunk} bytes the way GuardedInputStream does: each read
   * lands after the bytes the guard holds, and the output is written in place.
   */
  private static byte[] throughInPlace(FrameGuard guard, byte[] stream, int chunk) {
    ByteArrayOutputStream passed = new ByteArrayOutputStream();
    byte[] buffer = new byte[chunk + FrameGuard.MAX_HEADER];
    for (int at = 0; at < stream.length; at += chunk) {
      int length = Math.min(chunk, stream.length - at);
      int held = guard.held();
      // Garbage where the held bytes go: the guard must write them itself.
      Arrays.fill(buffer, (byte) 0x55);
      System.arraycopy(stream, at, buffer, held, length);
      int out = guard.filter(buffer, held, length, buffer, 0);
      passed.write(buffer, 0, out);
    }
    return passed.toByteArray();
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A whole frame with a non-zero masking key (the guard passes the payload as it is). */
  private static byte[] frame(int first, boolean masked, byte[] payload) {
    return concat(header(first, masked, payload.length), payload);
  }

  /** A frame whose small length is nevertheless sent in the 64-bit form (legal, if odd). */
  private static byte[] frame0x7fLength(int first, int length) {
    return concat(header0x7f(first, length), new byte[length]);
  }

  private static byte[] header(int first, boolean masked, long length) {
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
      header.writeBytes(new byte[] {0x11, 0x22, 0x33, 0x44});
    }
    return header.toByteArray();
  }

  private static byte[] header0x7f(int first, long length) {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.write(first);
    header.write(0x80 | 127);
    for (int shift = 56; shift >= 0; shift -= 8) {
      header.write((int) (length >> shift));
    }
    header.writeBytes(new byte[] {0x11, 0x22, 0x33, 0x44});
    return header.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
