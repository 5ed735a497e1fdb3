package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.device.render.Layout;
import dev.marquee.it.support.ConsoleClient;
import dev.marquee.it.support.ConsoleServer;
import dev.marquee.it.support.ScreensConsole;
import dev.marquee.sandbox.SpotifySandbox;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

/**
 * The device client end to end: the shaded jar in a process of its own, drawing PNGs headless,
 * against a real server and the sandbox. It pairs through the console, draws the track and its art,
 * follows a skip, shows the last state with the cached art and an offline mark while the server is
 * down, and comes back by itself after the restart. What a frame shows is read from the caption the
 * PNG output writes into each file; the art from the pixels.
 */
class DeviceClientIT {
  private static final Duration SOON = Duration.ofSeconds(30);
  private static final Pattern PAIRING =
      Pattern.compile("pairing ([A-Z0-9]{4}-[A-Z0-9]{4}) (\\S+)");
  private static final int WIDTH = 800;
  private static final int HEIGHT = 480;

  private static ConsoleServer server;
  private static SpotifySandbox sandbox;
  private static ConsoleClient admin;
  private static String organizationId;
  private static ScreensConsole console;
  private static Path work;
  private static Process device;

  @BeforeAll
  static void start() throws IOException {
    server =
        ConsoleServer.start(
            "device",
            Map.of(
                "MARQUEE_POLLING_BASE_INTERVAL", "PT3S",
                "MARQUEE_POLLING_IDLE_STEPS", "PT2S",
                "MARQUEE_SCREENS_KEEPALIVE_SECONDS", "5"));
    sandbox = server.sandbox();
    admin = server.signedInAdmin();
    server.ensureDefaultApp(admin);
    organizationId = ConsoleServer.organizationId(admin, ConsoleServer.FIRST_ORGANIZATION);
    console = new ScreensConsole(sandbox, admin, organizationId);
    work = Path.of(System.getProperty("marquee.it.dir", "target/it"), "device-client");
    if (Files.exists(work)) {
      try (var files = Files.walk(work)) {
        files
            .sorted(java.util.Comparator.reverseOrder())
            .map(Path::toFile)
            .forEach(java.io.File::delete);
      }
    }
    Files.createDirectories(work);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (device != null) {
      device.destroy();
      if (!device.waitFor(20, TimeUnit.SECONDS)) {
        device.destroyForcibly();
      }
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void pairsDrawsTheTrackFollowsASkipAndSurvivesARestartShowingTheCachedArt() throws Exception {
    String user = console.account("device", "First Light", "Second Wind");
    String configuration = console.showingNewest("Device " + user);
    device = launch();

    String caption = awaitCaption(c -> c.startsWith("pairing "));
    Matcher pairing = PAIRING.matcher(caption);
    assertThat(pairing.find()).as(caption).isTrue();
    assertThat(pairing.group(2)).startsWith(server.uri("/claim?code=").toString());
    keep("pairing");
    console.claim(pairing.group(1), "Pi " + user, configuration);

    awaitCaption(c -> c.startsWith("playing \"First Light\"") && c.contains("[online, LIVE]"));
    Path token = work.resolve("state/token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token)))
        .isEqualTo("rw-------");
    String secret = Files.readString(token).strip();
    assertThat(secret).matches("[A-Za-z0-9_-]{43}");

    sandbox.player(user).skip();
    // The configuration's options as the console saved them (the pixels of each option are the
    // unit tests' FrameRendererTest).
    awaitCaption(
        c ->
            c.startsWith("playing \"Second Wind\"")
                && c.contains("theme GRADIENT, progress shown"));
    BufferedImage online = awaitArt();
    keep("playing");
    int downloads = count(deviceLog(), "album art cached");
    assertThat(downloads).isPositive();

    server.marquee().stop();
    awaitCaption(c -> c.contains("\"Second Wind\"") && c.contains("[offline,"));
    BufferedImage offline = frame();
    keep("offline");
    assertThat(artPixels(offline))
        .as("the cached art while the server is down")
        .isEqualTo(artPixels(online));

    server.marquee().start().awaitReady();
    await("the device back online after the restart")
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> caption().contains("\"Second Wind\"") && caption().contains("[online, LIVE]"));
    keep("after-restart");
    assertThat(count(deviceLog(), "album art cached"))
        .as("no second download")
        .isEqualTo(downloads);
    assertThat(deviceLog()).contains("reconnecting in").doesNotContain(secret);
    assertThat(server.marquee().log()).doesNotContain(secret);
  }

  // ---------------------------------------------------------------- the device

  private static Process launch() throws IOException {
    Path jar =
        Path.of(System.getProperty("device.jar", "../device-client/target/marquee-device.jar"));
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx48m",
            "-Djava.awt.headless=true",
            "-jar",
            jar.toAbsolutePath().toString(),
            "--server",
            "http://127.0.0.1:" + server.marquee().port(),
            "--output",
            "png",
            "--png",
            work.resolve("screen.png").toString(),
            "--size",
            WIDTH + "x" + HEIGHT,
            "--token-file",
            work.resolve("state/token").toString(),
            "--cache-dir",
            work.resolve("cache").toString(),
            "--log-level",
            "debug");
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("device.log").toFile())
        .start();
  }

  private static String deviceLog() {
    try {
      return Files.readString(work.resolve("device.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String awaitCaption(java.util.function.Predicate<String> match) {
    return await("a frame whose caption matches (device log: " + work.resolve("device.log") + ")")
        .atMost(SOON)
        .pollInterval(Duration.ofMillis(250))
        .until(DeviceClientIT::caption, c -> c != null && match.test(c));
  }

  /** Waits until the art square shows the art, not the placeholder drawn before the download. */
  private static BufferedImage awaitArt() {
    Rectangle art = Layout.of(WIDTH, HEIGHT).art();
    return await("the album art on screen")
        .atMost(SOON)
        .pollInterval(Duration.ofMillis(250))
        .until(
            DeviceClientIT::frame,
            f ->
                f != null
                    && (f.getRGB(art.x + art.width / 2, art.y + art.height / 3) & 0xffffff)
                        != 0x282828);
  }

  private static int[] artPixels(BufferedImage frame) {
    Rectangle art = Layout.of(WIDTH, HEIGHT).art();
    return frame.getRGB(art.x, art.y, art.width, art.height, null, 0, art.width);
  }

  private static BufferedImage frame() {
    try {
      return ImageIO.read(work.resolve("screen.png").toFile());
    } catch (IOException e) {
      return null; // not written yet
    }
  }

  /** The caption of the newest frame: the PNG's Description text. */
  private static String caption() {
    Path file = work.resolve("screen.png");
    if (!Files.exists(file)) {
      return null;
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
      try {
        reader.setInput(in);
        IIOMetadata metadata = reader.getImageMetadata(0);
        return text(metadata.getAsTree("javax_imageio_png_1.0"));
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(Node node) {
    if ("iTXtEntry".equals(node.getNodeName())) {
      return node.getAttributes().getNamedItem("text").getNodeValue();
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      String found = text(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Keeps a copy of the current frame beside the log, for whoever reads the run. */
  private static void keep(String name) throws IOException {
    Files.copy(
        work.resolve("screen.png"),
        work.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
