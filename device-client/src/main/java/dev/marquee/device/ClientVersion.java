package dev.marquee.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The client's own version, filtered into {@code device.properties} from the POM at build time. */
final class ClientVersion {
  private static final String RESOURCE = "device.properties";

  private ClientVersion() {}

  /** The version, e.g. {@code 0.1.0}. */
  static String current() {
    Properties properties = new Properties();
    try (InputStream in = ClientVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String version = properties.getProperty("version", "");
    if (version.isBlank() || version.contains("${")) {
      throw new IllegalStateException(RESOURCE + " has no built version: '" + version + "'");
    }
    return version;
  }

  /** How the client names itself to the server: {@code marquee-device/0.1.0}. */
  static String clientId() {
    return "marquee-device/" + current();
  }
}
