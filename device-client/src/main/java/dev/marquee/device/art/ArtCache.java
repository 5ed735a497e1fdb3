package dev.marquee.device.art;

import dev.marquee.device.render.ArtLookup;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Album art on disk, scaled to the sizes the layout asks for: each picture is downloaded once,
 * scaled once by {@link ArtScaler} and kept as a PNG named after its URL and size, so a screen that
 * restarts or loses the network still shows it. The directory is kept under a byte cap, the least
 * recently shown files going first. The few images of the current frames stay in memory.
 */
public final class ArtCache implements ArtLookup {
  private static final Logger LOG = Logger.getLogger(ArtCache.class.getName());

  /** Spotify's largest art is 640×640, a few hundred KB; anything far larger is not art. */
  static final int MAX_DOWNLOAD_BYTES = 4 * 1024 * 1024;

  private static final int IN_MEMORY = 3;

  private final Path directory;
  private final long maxBytes;
  private final HttpClient http;
  private final Duration timeout;
  private final AtomicInteger downloads = new AtomicInteger();
  private final Map<String, BufferedImage> memory =
      new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> eldest) {
          return size() > IN_MEMORY;
        }
      };

  public ArtCache(Path directory, long maxBytes, HttpClient http, Duration timeout)
      throws IOException {
    this.directory = Files.createDirectories(directory);
    this.maxBytes = maxBytes;
    this.http = http;
    this.timeout = timeout;
  }

  /** From memory or disk only: never the network (the renderer calls this for every frame). */
  @Override
  public BufferedImage art(String url, int size) {
    String key = key(url, size);
    synchronized (memory) {
      BufferedImage image = memory.get(key);
      if (image != null) {
        return image;
      }
    }
    Path file = directory.resolve(key);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        LOG.warning("cached art " + file + " is not an image: deleted");
        Files.deleteIfExists(file);
        return null;
      }
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
      remember(key, image);
      return image;
    } catch (IOException e) {
      LOG.warning("cannot read cached art " + file + ": " + e.getMessage());
      return null;
    }
  }

  /**
   * Makes sure the art of {@code url} at {@code size} is cached: downloads and scales it if it is
   * not. Blocks; call it off the rendering thread.
   *
   * @throws ArtUnavailableException when the download fails or is not an image
   */
  public void fetch(String url, int size) throws ArtUnavailableException, InterruptedException {
    if (art(url, size) != null) {
      return;
    }
    BufferedImage original = download(url);
    BufferedImage scaled = ArtScaler.square(original, size);
    store(key(url, size), scaled);
  }

  /** How many downloads this cache made; each picture costs one. */
  public int downloads() {
    return downloads.get();
  }

  private BufferedImage download(String url) throws ArtUnavailableException, InterruptedException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ArtUnavailableException("art URL is malformed: " + url, e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new ArtUnavailableException("art URL is not http(s): " + url);
    }
    HttpResponse<InputStream> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new ArtUnavailableException("cannot download art " + url + ": " + e, e);
    }
    try (InputStream body = answer.body()) {
      if (answer.statusCode() != 200) {
        throw new ArtUnavailableException("art " + url + " answered HTTP " + answer.statusCode());
      }
      byte[] bytes = body.readNBytes(MAX_DOWNLOAD_BYTES + 1);
      if (bytes.length > MAX_DOWNLOAD_BYTES) {
        throw new ArtUnavailableException(
            "art " + url + " is over " + MAX_DOWNLOAD_BYTES + " bytes");
      }
      downloads.incrementAndGet();
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new ArtUnavailableException("art " + url + " is no image this client can read");
      }
      LOG.fine("downloaded art " + url + " (" + bytes.length + " bytes)");
      return image;
    } catch (IOException e) {
      throw new ArtUnavailableException("cannot read art " + url + ": " + e, e);
    }
  }

  private void store(String key, BufferedImage image) throws ArtUnavailableException {
    Path file = directory.resolve(key);
    try {
      Path temporary = Files.createTempFile(directory, ".art-", ".tmp");
      try {
        ImageIO.write(image, "png", temporary.toFile());
        Files.move(
            temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
      evict(file);
    } catch (IOException e) {
      // The screen can still show it from memory; it just will not survive a restart.
      LOG.warning("cannot cache art in " + directory + ": " + e.getMessage());
    }
    remember(key, image);
  }

  /** Deletes the least recently shown files until the directory is under the cap again. */
  private void evict(Path keep) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(directory)) {
      listing.filter(f -> f.getFileName().toString().endsWith(".png")).forEach(files::add);
    }
    long total = 0;
    Map<Path, Long> sizes = new LinkedHashMap<>();
    for (Path file : files) {
      long size = Files.size(file);
      sizes.put(file, size);
      total += size;
    }
    if (total <= maxBytes) {
      return;
    }
    files.sort(Comparator.comparing(ArtCache::lastModified));
    for (Path file : files) {
      if (total <= maxBytes) {
        break;
      }
      if (!file.equals(keep)) {
        Files.deleteIfExists(file);
        total -= sizes.get(file);
        forget(file.getFileName().toString());
      }
    }
  }

  private static FileTime lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private void remember(String key, BufferedImage image) {
    synchronized (memory) {
      memory.put(key, image);
    }
  }

  private void forget(String key) {
    synchronized (memory) {
      memory.remove(key);
    }
  }

  /** The file name of a picture at a size: a hash of its URL, so any URL makes a safe name. */
  static String key(String url, int size) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16) + "-" + size + ".png";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
