package dev.marquee.device;

import java.awt.Dimension;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device client's command line, and the config file {@code --config} names (Java properties,
 * the flags' names without the dashes: {@code server=ws://marquee.local:8080}). A flag wins over
 * the file.
 *
 * @param mode what to do
 * @param server the server, present in {@link Mode#CHECK} and {@link Mode#RUN}
 * @param timeout how long the whole check may take
 * @param run how to run, present in {@link Mode#RUN}
 */
record DeviceOptions(Mode mode, ServerAddress server, Duration timeout, RunSettings run) {

  /** What the client was asked to do. */
  enum Mode {
    HELP,
    VERSION,
    CHECK,
    RUN
  }

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final int DEFAULT_CACHE_MB = 32;
  static final int DEFAULT_FPS = 2;
  static final Dimension DEFAULT_PNG_SIZE = new Dimension(800, 480);
  private static final BigDecimal MAX_TIMEOUT_SECONDS = BigDecimal.valueOf(3600);
  private static final Pattern SIZE = Pattern.compile("(\\d{2,5})x(\\d{2,5})");

  /** Flags that take a value; all but --config and --timeout may be set in the config file. */
  private static final List<String> VALUED =
      List.of(
          "--server",
          "--timeout",
          "--config",
          "--output",
          "--size",
          "--png",
          "--framebuffer",
          "--cache-dir",
          "--cache-max-mb",
          "--token-file",
          "--log-level",
          "--fps");

  private static final Set<String> NOT_IN_CONFIG = Set.of("--config", "--timeout");

  static final String USAGE =
      """
      Usage: java -jar marquee-device.jar --server URL [options]
             java -jar marquee-device.jar --server URL --check [--timeout SECONDS]

      The Marquee client for Raspberry Pi screens: pairs, holds the feed, draws the display.

      Options:
        --server URL         the Marquee server: ws://, wss://, http:// or https://
                             (http maps to ws, https to wss); /ws/screen is appended
                             to the path, e.g. ws://host:8080 -> ws://host:8080/ws/screen
        --output KIND        window (full screen under X11/Wayland, the default),
                             framebuffer, or png (headless, a file per frame)
        --size WxH           the frame size: png default 800x480; a window of that
                             size instead of full screen; the framebuffer's own size
                             is always used
        --png FILE           the PNG the png output writes (default marquee-screen.png)
        --framebuffer DEV    the framebuffer device (default /dev/fb0)
        --cache-dir DIR      the album art cache (default ~/.cache/marquee-device)
        --cache-max-mb N     the art cache's cap in MiB (default 32)
        --token-file FILE    where the device token is kept, owner-only
                             (default ~/.local/state/marquee-device/token)
        --log-level LEVEL    error, warn, info (default) or debug
        --fps N              frames per second while the progress moves (default 2)
        --config FILE        read these settings from a properties file first
                             (server=..., output=..., cache-dir=...); flags win
        --check              connect, say hello, print the server's version and exit
        --timeout SECONDS    how long the check may take in all (default 10; 0.5 is fine)
        --help               print this help and exit
        --version            print the client version and exit

      Exit codes:
        0   success
        1   unexpected failure (a bug: please report it)
        2   server unreachable (refused, unknown host, TLS failure) or timed out
        3   protocol error: the server answered, but not as a Marquee server does
        4   cannot start: the output, the art cache or the token file cannot be opened
        64  usage error: the command line or the config file is wrong
      """;

  /**
   * Parses the command line. {@code --help} wins over everything else, then {@code --version}.
   *
   * @throws UsageException for an unknown flag, a missing or bad value, or no server
   */
  static DeviceOptions parse(String... args) throws UsageException {
    boolean help = false;
    boolean version = false;
    boolean check = false;
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      if (VALUED.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageException(name + " needs a value");
          }
          value = args[++i];
        }
        if (values.putIfAbsent(name, value) != null) {
          throw new UsageException(name + " is given twice");
        }
        continue;
      }
      switch (name) {
        case "--help", "-h" -> help = flag(name, value);
        case "--version" -> version = flag(name, value);
        case "--check" -> check = flag(name, value);
        default ->
            throw new UsageException(
                arg.startsWith("-")
                    ? "unknown option '" + arg + "'"
                    : "unexpected argument '" + arg + "'");
      }
    }
    if (help) {
      return new DeviceOptions(Mode.HELP, null, DEFAULT_TIMEOUT, null);
    }
    if (version) {
      return new DeviceOptions(Mode.VERSION, null, DEFAULT_TIMEOUT, null);
    }
    if (values.containsKey("--config")) {
      readConfig(Path.of(values.get("--config")), values);
    }
    String server = values.get("--server");
    String timeout = values.get("--timeout");
    Duration parsedTimeout = timeout == null ? DEFAULT_TIMEOUT : parseTimeout(timeout);
    if (server == null) {
      throw new UsageException(
          check ? "--check needs --server URL" : "--server URL is needed (or server= in --config)");
    }
    ServerAddress address = ServerAddress.parse(server);
    if (check) {
      return new DeviceOptions(Mode.CHECK, address, parsedTimeout, null);
    }
    return new DeviceOptions(Mode.RUN, address, parsedTimeout, runSettings(values));
  }

  private static void readConfig(Path file, Map<String, String> values) throws UsageException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UsageException("--config " + file + " cannot be read: " + e.getMessage());
    }
    for (String key : properties.stringPropertyNames()) {
      String flag = "--" + key.strip();
      if (!VALUED.contains(flag) || NOT_IN_CONFIG.contains(flag)) {
        throw new UsageException("--config " + file + " has an unknown setting '" + key + "'");
      }
      values.putIfAbsent(flag, properties.getProperty(key).strip());
    }
  }

  private static RunSettings runSettings(Map<String, String> values) throws UsageException {
    OutputKind output = OutputKind.parse(values.getOrDefault("--output", "window"));
    Dimension size = values.containsKey("--size") ? parseSize(values.get("--size")) : null;
    if (size == null && output == OutputKind.PNG) {
      size = new Dimension(DEFAULT_PNG_SIZE);
    }
    Path home = Path.of(System.getProperty("user.home"));
    Path cache = xdg("XDG_CACHE_HOME", home.resolve(".cache")).resolve("marquee-device");
    Path state =
        xdg("XDG_STATE_HOME", home.resolve(".local/state")).resolve("marquee-device/token");
    return new RunSettings(
        output,
        size,
        Path.of(values.getOrDefault("--png", "marquee-screen.png")),
        Path.of(values.getOrDefault("--framebuffer", "/dev/fb0")),
        values.containsKey("--cache-dir") ? Path.of(values.get("--cache-dir")) : cache,
        number(values, "--cache-max-mb", DEFAULT_CACHE_MB, 1, 4096) * 1024L * 1024L,
        values.containsKey("--token-file") ? Path.of(values.get("--token-file")) : state,
        logLevel(values.getOrDefault("--log-level", "info")),
        number(values, "--fps", DEFAULT_FPS, 1, 30));
  }

  private static Path xdg(String variable, Path fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : Path.of(value);
  }

  private static Dimension parseSize(String value) throws UsageException {
    Matcher matcher = SIZE.matcher(value.strip());
    if (!matcher.matches()) {
      throw new UsageException("--size '" + value + "' is not WIDTHxHEIGHT, e.g. 800x480");
    }
    int width = Integer.parseInt(matcher.group(1));
    int height = Integer.parseInt(matcher.group(2));
    if (width < 160 || height < 120 || width > 7680 || height > 4320) {
      throw new UsageException("--size '" + value + "' is outside 160x120 to 7680x4320");
    }
    return new Dimension(width, height);
  }

  private static int number(Map<String, String> values, String flag, int fallback, int min, int max)
      throws UsageException {
    String value = values.get(flag);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Answered below, with the range.
    }
    throw new UsageException(
        flag + " needs a whole number from " + min + " to " + max + ", got '" + value + "'");
  }

  private static Level logLevel(String value) throws UsageException {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "error":
        return Level.SEVERE;
      case "warn":
        return Level.WARNING;
      case "info":
        return Level.INFO;
      case "debug":
        return Level.FINE;
      default:
        throw new UsageException("--log-level '" + value + "' is none of error, warn, info, debug");
    }
  }

  private static boolean flag(String name, String value) throws UsageException {
    if (value != null) {
      throw new UsageException(name + " takes no value");
    }
    return true;
  }

  private static Duration parseTimeout(String value) throws UsageException {
    BigDecimal seconds;
    try {
      seconds = new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      seconds = null;
    }
    if (seconds == null
        || seconds.signum() <= 0
        || seconds.compareTo(MAX_TIMEOUT_SECONDS) > 0
        || seconds.movePointRight(3).compareTo(BigDecimal.ONE) < 0) {
      throw new UsageException(
          "--timeout needs a number of seconds from 0.001 to "
              + MAX_TIMEOUT_SECONDS
              + ", got '"
              + value
              + "'");
    }
    return Duration.ofMillis(seconds.movePointRight(3).longValue());
  }
}
