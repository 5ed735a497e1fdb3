package dev.marquee.console.frame;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.net.MalformedURLException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the screens' web module is, seen from the console: the same context on the single WAR
 * (Payara Micro), its own context in the EAR ({@code /screens}, or what {@code
 * marquee.screens-path} says when the EAR was deployed with another context root). The console's
 * live preview frames the player from there, and tells it where to ask for the preview state.
 */
@Named
@ApplicationScoped
public class ScreensLocation {

  @Inject ServletContext console;

  @Inject
  @ConfigProperty(name = "marquee.screens-path", defaultValue = "/screens")
  String earScreensPath;

  /** The player framed as the live preview of a widget configuration. */
  public String previewOf(String configurationId) {
    return screensPath()
        + "/player/?preview="
        + URLEncoder.encode(configurationId, StandardCharsets.UTF_8)
        + "&state="
        + URLEncoder.encode(console.getContextPath() + "/widgets/preview", StandardCharsets.UTF_8);
  }

  private String screensPath() {
    try {
      return console.getResource("/player/index.html") != null
          ? console.getContextPath()
          : earScreensPath;
    } catch (MalformedURLException e) {
      throw new IllegalStateException("Not a path: /player/index.html", e);
    }
  }
}
