package dev.marquee.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The player's pairing screen measured in Chromium with the machine's own fonts, by bounding boxes
 * (test resource player/pairing-layout.js): every part inside the window, text and QR card apart,
 * the code on one line with no character clipped, no broken image. One browser, resized.
 */
public final class PairingLayout {

  /** The sizes a pairing screen is checked at: small panels to 4K. */
  public static final List<int[]> SIZES =
      List.of(
          new int[] {480, 320},
          new int[] {1280, 720},
          new int[] {1366, 768},
          new int[] {1920, 1080},
          new int[] {3840, 2160},
          new int[] {768, 1024});

  private static final String SCRIPT = script();

  private PairingLayout() {}

  /** What is wrong at each size (empty when nothing), with the measured figures, one per size. */
  public static List<Measured> measure(ChromeDriver driver) {
    List<Measured> all = new ArrayList<>();
    try {
      for (int[] size : SIZES) {
        driver.executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", false));
        // Two frames: the resize reached the page's listeners and the layout.
        driver.executeAsyncScript(
            "const done = arguments[0];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
        JsonNode result = JsonBodies.parse((String) driver.executeScript(SCRIPT));
        List<String> problems = new ArrayList<>();
        result.path("problems").forEach(problem -> problems.add(problem.asText()));
        all.add(new Measured(size[0] + "x" + size[1], problems, result.path("figures")));
      }
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    return all;
  }

  /** One size's problems and figures. */
  public record Measured(String size, List<String> problems, JsonNode figures) {
    @Override
    public String toString() {
      return size + ": " + (problems.isEmpty() ? "fine" : problems) + " " + figures;
    }
  }

  private static String script() {
    try (InputStream in = PairingLayout.class.getResourceAsStream("/player/pairing-layout.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
