package dev.marquee.screens.boundary;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The input of an upgraded screen connection as the WebSocket implementation reads it: the
 * connection's bytes through a {@link FrameGuard}. When the guard refuses a frame, the reader gets
 * a close frame with the guard's code instead of that frame, and nothing after it: the rest of what
 * the peer sends is read and dropped until the connection closes, so nothing is buffered and reads
 * never spin.
 *
 * <p>Non-blocking as the servlet container drives it: the reader calls {@link #read(byte[], int,
 * int)} while {@link #isReady()}; this stream reads the connection only when it has nothing of its
 * own to give (held header bytes, or the close frame), and says it is ready while it has.
 */
final class GuardedInputStream extends ServletInputStream {

  /**
   * Most bytes {@link #available()} reports, so a reader that sizes its reads by it (Tyrus does,
   * allocating a fresh array per read) reads at most this much plus a held header at a time.
   */
  static final int MAX_READ = 8192;

  private final ServletInputStream in;
  private final FrameGuard guard;
  private byte[] pending;
  private int pendingAt;
  private boolean closeQueued;

  GuardedInputStream(ServletInputStream in, FrameGuard guard) {
    this.in = in;
    this.guard = guard;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (pending != null) {
      return drainPending(b, off, len);
    }
    if (guard.refusal() != null) {
      // Refused and closing: what still arrives is dropped.
      int dropped = in.read(b, off, len);
      return dropped < 0 ? dropped : 0;
    }
    int held = guard.held();
    if (len > held) {
      // Read after the room the held header bytes need; the guard writes them, then the rest, in
      // place.
      int n = in.read(b, off + held, len - held);
      if (n <= 0) {
        return n;
      }
      int out = guard.filter(b, off + held, n, b, off);
      queueCloseIfRefused();
      return out == 0 && pending != null ? drainPending(b, off, len) : out;
    }
    // A read too small for the held bytes (no reader here does that): through a scratch array.
    byte[] scratch = new byte[held + len];
    int n = in.read(scratch, held, len);
    if (n <= 0) {
      return n;
    }
    int out = guard.filter(scratch, held, n, scratch, 0);
    int given = Math.min(out, len);
    System.arraycopy(scratch, 0, b, off, given);
    if (out > given) {
      appendPending(Arrays.copyOfRange(scratch, given, out));
    }
    queueCloseIfRefused();
    return given == 0 && pending != null ? drainPending(b, off, len) : given;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n;
    do {
      n = read(one, 0, 1);
    } while (n == 0 && isReady());
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int available() throws IOException {
    if (pending != null) {
      return pending.length - pendingAt;
    }
    int available = in.available();
    return available <= 0 ? available : Math.min(available, MAX_READ) + guard.held();
  }

  @Override
  public boolean isReady() {
    return pending != null || in.isReady();
  }

  @Override
  public boolean isFinished() {
    return pending == null && in.isFinished();
  }

  @Override
  public void setReadListener(ReadListener listener) {
    in.setReadListener(listener);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void queueCloseIfRefused() {
    if (guard.refusal() != null && !closeQueued) {
      closeQueued = true;
      appendPending(FrameGuard.closeFrame(guard.refusal()));
    }
  }

  private void appendPending(byte[] bytes) {
    if (pending == null) {
      pending = bytes;
      pendingAt = 0;
    } else {
      byte[] joined = Arrays.copyOfRange(pending, pendingAt, pending.length + bytes.length);
      System.arraycopy(bytes, 0, joined, pending.length - pendingAt, bytes.length);
      pending = joined;
      pendingAt = 0;
    }
  }

  private int drainPending(byte[] b, int off, int len) {
    int given = Math.min(len, pending.length - pendingAt);
    System.arraycopy(pending, pendingAt, b, off, given);
    pendingAt += given;
    if (pendingAt == pending.length) {
      pending = null;
      pendingAt = 0;
    }
    return given;
  }
}
