package dev.marquee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The heap of a server running in a process of its own, read through {@code jcmd}. */
public final class ServerHeap {

  /** {@code jcmd PID GC.heap_info}: "garbage-first heap total 229376K, used 181604K [...". */
  private static final Pattern USED_HEAP = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

  private ServerHeap() {}

  /** Heap in use now, live and not yet collected. */
  public static long usedBytes(MarqueeProcess server) {
    Matcher matcher = USED_HEAP.matcher(jcmd(server, "GC.heap_info"));
    if (!matcher.find()) {
      throw new IllegalStateException("jcmd GC.heap_info said nothing of the heap");
    }
    return Long.parseLong(matcher.group(1)) * 1024;
  }

  /** Heap in use after a full collection: what the server holds. */
  public static long usedAfterCollectionBytes(MarqueeProcess server) {
    jcmd(server, "GC.run");
    return usedBytes(server);
  }

  private static String jcmd(MarqueeProcess server, String command) {
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(server.pid()),
                  command)
              .redirectErrorStream(true)
              .start();
      String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (jcmd.waitFor() != 0) {
        throw new IllegalStateException("jcmd " + command + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
