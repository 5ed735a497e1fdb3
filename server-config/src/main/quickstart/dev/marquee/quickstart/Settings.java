package dev.marquee.quickstart;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the quick start keeps its data and which ports it uses, and the files it runs, as the run
 * profile passes them ({@code name=value} arguments; see the root pom).
 *
 * @param directory the working directory of Marquee, which keeps its data in {@code data/} there
 */
record Settings(
    Path directory,
    int port,
    int sandboxPort,
    Path marqueeJar,
    Path sandboxJar,
    Path preBootCommands,
    Path loggingProperties,
    Path quickStartLogging) {

  static Settings parse(String[] arguments) {
    Map<String, String> values = new HashMap<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("Expected name=value, not '" + argument + "'");
      }
      values.put(argument.substring(0, equals), argument.substring(equals + 1));
    }
    return new Settings(
        path(values, "dir"),
        port(values, "port"),
        port(values, "sandbox-port"),
        path(values, "marquee-jar"),
        path(values, "sandbox-jar"),
        path(values, "preboot"),
        path(values, "logging"),
        path(values, "quickstart-logging"));
  }

  Path data() {
    return directory.resolve("data");
  }

  String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  String sandboxUrl() {
    return "http://127.0.0.1:" + sandboxPort;
  }

  private static Path path(Map<String, String> values, String name) {
    return Path.of(required(values, name)).toAbsolutePath().normalize();
  }

  private static int port(Map<String, String> values, String name) {
    String value = required(values, name);
    try {
      int port = Integer.parseInt(value);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Said below.
    }
    throw new IllegalArgumentException(
        name + " must be a port number (1-65535), not '" + value + "'");
  }

  private static String required(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing " + name + "=…");
    }
    return value;
  }
}
