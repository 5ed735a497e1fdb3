package dev.marquee.device.art;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The art cache against an image server in this JVM. */
class ArtCacheTest {
  @TempDir Path directory;
  private HttpServer images;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startImages() throws IOException {
    images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    images.createContext(
        "/images/",
        exchange -> {
          requests.incrementAndGet();
          String name = exchange.getRequestURI().getPath();
          if (name.endsWith("broken.png")) {
            byte[] junk = "not a png".getBytes();
            exchange.sendResponseHeaders(200, junk.length);
            exchange.getResponseBody().write(junk);
          } else {
            byte[] png = png(640, new Color(name.hashCode() & 0xffffff));
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
          }
          exchange.close();
        });
    images.start();
  }

  @AfterEach
  void stopImages() {
    images.stop(0);
  }

  @Test
  void artIsDownloadedOnceScaledToTheAskedSizeAndReadFromDiskByANewCache() throws Exception {
    ArtCache cache = cache(10_000_000);
    String url = url("a");
    assertThat(cache.art(url, 200)).isNull();

    cache.fetch(url, 200);
    cache.fetch(url, 200);

    assertThat(requests.get()).isEqualTo(1);
    BufferedImage image = cache.art(url, 200);
    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(image.getHeight()).isEqualTo(200);
    // A restarted client (a new cache on the same directory), offline: still there.
    images.stop(0);
    assertThat(cache(10_000_000).art(url, 200)).isNotNull();
  }

  @Test
  void theDirectoryStaysUnderItsCapTheLeastRecentlyShownGoingFirst() throws Exception {
    ArtCache probe = cache(Long.MAX_VALUE);
    probe.fetch(url("size-probe"), 300);
    long one = Files.size(onlyFile());
    Files.delete(onlyFile());

    ArtCache cache = cache(one * 3 + one / 2);
    long base = System.currentTimeMillis() - 60_000;
    String[] names = {"a", "b", "c", "d", "e"};
    for (int i = 0; i < names.length; i++) {
      cache.fetch(url(names[i]), 300);
      // Shown in this order, a second apart (file times are what the cache goes by).
      Files.setLastModifiedTime(
          directory.resolve(ArtCache.key(url(names[i]), 300)),
          java.nio.file.attribute.FileTime.fromMillis(base + i * 1000L));
    }

    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isLessThanOrEqualTo(3);
    }
    assertThat(Files.exists(directory.resolve(ArtCache.key(url("e"), 300)))).isTrue();
    assertThat(Files.exists(directory.resolve(ArtCache.key(url("a"), 300)))).isFalse();
  }

  @Test
  void somethingThatIsNoImageIsReportedAndNothingIsCached() throws Exception {
    ArtCache cache = cache(10_000_000);

    assertThatThrownBy(() -> cache.fetch(url("broken"), 100))
        .isInstanceOf(ArtUnavailableException.class)
        .hasMessageContaining("no image");
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.count()).isZero();
    }
  }

  @Test
  void theScalerCropsToACentredSquare() {
    BufferedImage wide = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = wide.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 100, 200);
    g.setColor(Color.BLUE);
    g.fillRect(100, 0, 200, 200);
    g.dispose();

    BufferedImage square = ArtScaler.square(wide, 50);

    assertThat(square.getWidth()).isEqualTo(50);
    assertThat(new Color(square.getRGB(1, 25))).isEqualTo(Color.BLUE); // the red edge cropped off
  }

  private Path onlyFile() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".png")).findFirst().orElseThrow();
    }
  }

  private ArtCache cache(long maxBytes) throws IOException {
    return new ArtCache(directory, maxBytes, HttpClient.newHttpClient(), Duration.ofSeconds(5));
  }

  private String url(String name) {
    return "http://127.0.0.1:" + images.getAddress().getPort() + "/images/" + name + ".png";
  }

  private static byte[] png(int side, Color colour) throws IOException {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, side, side);
    g.setColor(Color.WHITE);
    for (int i = 0; i < side; i += 8) {
      g.drawLine(i, 0, side - i, side); // some detail, so files are not all tiny
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
