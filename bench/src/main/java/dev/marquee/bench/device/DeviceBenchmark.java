package dev.marquee.bench.device;

import com.sun.net.httpserver.HttpServer;
import dev.marquee.device.art.ArtCache;
import dev.marquee.device.art.ArtUnavailableException;
import dev.marquee.device.render.FrameRenderer;
import dev.marquee.device.render.Layout;
import dev.marquee.device.view.AccountStatus;
import dev.marquee.device.view.FeedState;
import dev.marquee.device.view.IdleMode;
import dev.marquee.device.view.NowPlaying;
import dev.marquee.device.view.ScreenView;
import dev.marquee.device.view.Theme;
import dev.marquee.device.view.WidgetOptions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The Pi client's two figures, on this machine: the time to draw one 800x480 frame, and the heap in
 * use after an hour of track changes simulated in accelerated time (a fake clock: a frame every
 * half second of it, a new track with new art every two seconds, so 1,800 changes and 7,200
 * frames). Art comes over HTTP from a server in this JVM and goes through the real cache (download,
 * scale, disk, eviction under a small cap). Run with {@code -Xmx48m}, as on a Pi: {@code ./mvnw -pl
 * bench -Pdevice package} does.
 */
public final class DeviceBenchmark {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 480;
  private static final int WARM_UP_FRAMES = 300;
  private static final int TIMED_FRAMES = 1000;
  private static final Duration FRAME_EVERY = Duration.ofMillis(500);
  private static final int FRAMES_PER_TRACK = 4;
  private static final int DISTINCT_IMAGES = 16;

  private DeviceBenchmark() {}

  public static void main(String[] args) throws Exception {
    double hours = Double.parseDouble(System.getProperty("bench.device.hours", "1"));
    Path cacheDirectory = Files.createTempDirectory("marquee-device-bench");
    HttpServer images = imageServer();
    try {
      String base = "http://127.0.0.1:" + images.getAddress().getPort() + "/images/";
      ArtCache cache =
          new ArtCache(
              cacheDirectory, 8L * 1024 * 1024, HttpClient.newHttpClient(), Duration.ofSeconds(10));
      FrameRenderer renderer = new FrameRenderer(cache, ZoneOffset.UTC);
      System.out.printf(
          Locale.ROOT,
          "Device client benchmark: %dx%d frames, max heap %d MiB, Java %s%n",
          WIDTH,
          HEIGHT,
          Runtime.getRuntime().maxMemory() / (1024 * 1024),
          System.getProperty("java.version"));
      frameTimes(renderer, cache, base);
      simulatedHour(renderer, cache, base, hours);
    } finally {
      images.stop(0);
    }
  }

  private static void frameTimes(FrameRenderer renderer, ArtCache cache, String base)
      throws Exception {
    Layout layout = Layout.of(WIDTH, HEIGHT);
    String art = base + "timing-0.png";
    cache.fetch(art, layout.artSize());
    Instant fetched = Instant.parse("2026-12-01T10:00:00Z");
    ScreenView view =
        view(track("A Track Whose Title Needs Two Lines On Small Screens", art, fetched), fetched);
    BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < WARM_UP_FRAMES; i++) {
      draw(renderer, view, fetched.plusMillis(i * 500L), frame);
    }
    long[] nanos = new long[TIMED_FRAMES];
    for (int i = 0; i < TIMED_FRAMES; i++) {
      long start = System.nanoTime();
      draw(renderer, view, fetched.plusMillis(i * 500L), frame);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "Frame render at %dx%d (playing, art cached, %d frames after %d warm-up): "
            + "median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        WIDTH,
        HEIGHT,
        TIMED_FRAMES,
        WARM_UP_FRAMES,
        ms(nanos[TIMED_FRAMES / 2]),
        ms(nanos[TIMED_FRAMES * 95 / 100]),
        ms(nanos[TIMED_FRAMES * 99 / 100]),
        ms(nanos[TIMED_FRAMES - 1]));
  }

  private static void simulatedHour(
      FrameRenderer renderer, ArtCache cache, String base, double hours)
      throws ArtUnavailableException, InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    int artSize = Layout.of(WIDTH, HEIGHT).artSize();
    BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Instant clock = Instant.parse("2026-12-01T10:00:00Z");
    long frames = Math.round(hours * 3600_000 / FRAME_EVERY.toMillis());
    long reportEvery = frames / 6;
    System.out.printf(
        Locale.ROOT,
        "Simulated %.1f h: a frame every %d ms of simulated time, a new track with new art every %d"
            + " frames (%d frames, %d track changes), art cache capped at 8 MiB%n",
        hours,
        FRAME_EVERY.toMillis(),
        FRAMES_PER_TRACK,
        frames,
        frames / FRAMES_PER_TRACK);
    System.out.printf(
        Locale.ROOT,
        "  %-16s %8s %8s %14s %10s%n",
        "simulated time",
        "tracks",
        "frames",
        "heap after GC",
        "downloads");
    report(memory, 0, 0, 0, cache);
    long started = System.nanoTime();
    ScreenView view = null;
    for (long i = 1; i <= frames; i++) {
      if ((i - 1) % FRAMES_PER_TRACK == 0) {
        long track = (i - 1) / FRAMES_PER_TRACK;
        String art = base + "track-" + track + ".png";
        // As the display loop does: the new state is drawn, its art fetched, the frame redrawn.
        view = view(track("Track number " + track + " of the simulated hour", art, clock), clock);
        draw(renderer, view, clock, frame);
        cache.fetch(art, artSize);
      }
      draw(renderer, view, clock, frame);
      clock = clock.plus(FRAME_EVERY);
      if (i % reportEvery == 0) {
        report(memory, i * FRAME_EVERY.toMillis(), i / FRAMES_PER_TRACK, i, cache);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  (the simulated %.1f h took %.0f s of real time)%n",
        hours,
        (System.nanoTime() - started) / 1e9);
  }

  private static void report(
      MemoryMXBean memory, long simulatedMillis, long tracks, long frames, ArtCache cache) {
    System.gc();
    long used = memory.getHeapMemoryUsage().getUsed();
    Duration simulated = Duration.ofMillis(simulatedMillis);
    System.out.printf(
        Locale.ROOT,
        "  %-16s %8d %8d %11.1f MiB %10d%n",
        String.format(
            Locale.ROOT,
            "%d:%02d:%02d",
            simulated.toHours(),
            simulated.toMinutesPart(),
            simulated.toSecondsPart()),
        tracks,
        frames,
        used / (1024.0 * 1024.0),
        cache.downloads());
  }

  private static void draw(
      FrameRenderer renderer, ScreenView view, Instant now, BufferedImage frame) {
    Graphics2D g = frame.createGraphics();
    try {
      renderer.render(view, now, g, WIDTH, HEIGHT);
    } finally {
      g.dispose();
    }
  }

  private static ScreenView view(NowPlaying playing, Instant version) {
    FeedState state =
        new FeedState(
            "v-" + version.toEpochMilli(),
            new WidgetOptions(Theme.GRADIENT, true, IdleMode.PLACEHOLDER),
            AccountStatus.LIVE,
            playing);
    return new ScreenView.Showing(state, playing, true, Duration.ZERO);
  }

  private static NowPlaying track(String title, String art, Instant fetched) {
    return new NowPlaying(
        NowPlaying.Kind.TRACK,
        title,
        "The Benchmarkers",
        "Accelerated Time",
        art,
        215_000,
        0,
        true,
        fetched);
  }

  /** Serves 640x640 PNGs at any path, one of a few pictures: every URL is new art to the cache. */
  private static HttpServer imageServer() throws IOException {
    byte[][] pictures = new byte[DISTINCT_IMAGES][];
    for (int i = 0; i < DISTINCT_IMAGES; i++) {
      pictures[i] = picture(i);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/images/",
        exchange -> {
          byte[] png =
              pictures[
                  Math.floorMod(exchange.getRequestURI().getPath().hashCode(), DISTINCT_IMAGES)];
          exchange.getResponseHeaders().add("Content-Type", "image/png");
          exchange.sendResponseHeaders(200, png.length);
          exchange.getResponseBody().write(png);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static byte[] picture(int seed) throws IOException {
    BufferedImage image = new BufferedImage(640, 640, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.getHSBColor(seed / (float) DISTINCT_IMAGES, 0.7f, 0.8f));
    g.fillRect(0, 0, 640, 640);
    g.setColor(Color.WHITE);
    for (int i = 0; i < 640; i += 10) {
      g.drawLine(i, 0, 640 - i, 640);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
