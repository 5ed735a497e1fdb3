package dev.marquee.bench.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.it.support.MarqueeProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads figures off a running Marquee server: its {@code /metrics} (Prometheus text format) and its
 * JVM (through {@code jcmd}).
 */
public final class ServerMetrics {

  /** {@code jcmd PID GC.heap_info}: "garbage-first heap total 229376K, used 181604K [...". */
  private static final Pattern USED_HEAP = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

  private static final Pattern LATENESS =
      Pattern.compile(
          "^marquee_poll_lateness_ms\\{[^}]*quantile=\"([0-9.]+)\"[^}]*\\} ([0-9.eE+]+)$",
          Pattern.MULTILINE);

  private final MarqueeProcess server;

  public ServerMetrics(MarqueeProcess server) {
    this.server = server;
  }

  /** Heap in use now, as the JVM reports it to {@code jcmd} (live and not yet collected). */
  public long usedHeapBytes() throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()),
                "GC.heap_info")
            .redirectErrorStream(true)
            .start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    Matcher matcher = USED_HEAP.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("jcmd GC.heap_info said: " + output);
    }
    return Long.parseLong(matcher.group(1)) * 1024;
  }

  /** The lateness summary's quantiles, as {@code {"0.5": ms, "0.99": ms, ...}}. */
  public JsonNode lateness() throws IOException, InterruptedException {
    ObjectNode quantiles = JsonNodeFactory.instance.objectNode();
    Matcher matcher = LATENESS.matcher(scrape());
    while (matcher.find()) {
      quantiles.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
    }
    return quantiles;
  }

  private String scrape() throws IOException, InterruptedException {
    return server.get("/metrics").body();
  }
}
