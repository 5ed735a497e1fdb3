package dev.marquee.device;

import dev.marquee.device.art.ArtCache;
import dev.marquee.device.output.DisplayOutput;
import dev.marquee.device.output.FramebufferGeometry;
import dev.marquee.device.output.FramebufferOutput;
import dev.marquee.device.output.PngOutput;
import dev.marquee.device.output.WindowOutput;
import dev.marquee.device.render.FrameRenderer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The client running on a screen: the output, the art cache, the display loop and the session,
 * wired together and kept running until the process is told to stop (Ctrl-C, {@code systemctl
 * stop}), when it closes the feed normally.
 */
final class DeviceRunner {
  private static final Logger LOG = Logger.getLogger(DeviceRunner.class.getName());

  private DeviceRunner() {}

  /** Runs until the JVM shuts down. */
  static void run(DeviceOptions options) throws IOException, InterruptedException {
    RunSettings settings = options.run();
    Clock clock = Clock.systemUTC();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(SessionTimings.STANDARD.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    DisplayOutput output = output(settings);
    ArtCache art =
        new ArtCache(
            settings.cacheDirectory(), settings.cacheMaxBytes(), http, Duration.ofSeconds(20));
    DisplayLoop display =
        new DisplayLoop(
            output,
            new FrameRenderer(art, ZoneId.systemDefault()),
            art,
            clock,
            Duration.ofMillis(1000 / settings.framesPerSecond()));
    DeviceSession session =
        new DeviceSession(
            options.server(),
            new TokenStore(settings.tokenFile()),
            new PairingClient(options.server(), http, SessionTimings.STANDARD.connectTimeout()),
            display::show,
            clock,
            Backoff.standard(),
            SessionTimings.STANDARD,
            ClientVersion.clientId());
    LOG.info(
        ClientVersion.clientId()
            + " drawing "
            + output.size().width
            + "x"
            + output.size().height
            + " to "
            + describe(settings)
            + "; art cache "
            + settings.cacheDirectory());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping");
                  session.close();
                  display.close();
                  try {
                    output.close();
                  } catch (IOException e) {
                    LOG.warning("cannot close the output: " + e.getMessage());
                  }
                  stopped.countDown();
                },
                "marquee-stop"));
    display.start();
    session.start();
    stopped.await();
  }

  private static DisplayOutput output(RunSettings settings) throws IOException {
    switch (settings.output()) {
      case PNG:
        return new PngOutput(settings.png(), settings.size());
      case FRAMEBUFFER:
        Path device = settings.framebuffer();
        Path sysfs = Path.of("/sys/class/graphics").resolve(device.getFileName());
        return new FramebufferOutput(device, FramebufferGeometry.read(sysfs));
      default:
        return new WindowOutput(settings.size());
    }
  }

  private static String describe(RunSettings settings) {
    switch (settings.output()) {
      case PNG:
        return settings.png().toAbsolutePath().toString();
      case FRAMEBUFFER:
        return settings.framebuffer().toString();
      default:
        return settings.size() == null ? "a full-screen window" : "a window";
    }
  }
}
