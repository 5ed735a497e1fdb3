package dev.marquee.device;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The device client's command line.
 *
 * @param mode what to do
 * @param server the server, present in {@link Mode#CHECK}, {@code null} otherwise
 * @param timeout how long the whole check may take
 */
record DeviceOptions(Mode mode, ServerAddress server, Duration timeout) {

  /** What the client was asked to do. */
  enum Mode {
    HELP,
    VERSION,
    CHECK
  }

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final BigDecimal MAX_TIMEOUT_SECONDS = BigDecimal.valueOf(3600);

  static final String USAGE =
      """
      Usage: java -jar marquee-device.jar --server URL --check [--timeout SECONDS]

      The Marquee client for Raspberry Pi screens.

      Options:
        --server URL         the Marquee server: ws://, wss://, http:// or https://
                             (http maps to ws, https to wss); /ws/screen is appended
                             to the path, e.g. ws://host:8080 -> ws://host:8080/ws/screen
        --check              connect, say hello, print the server's version and exit
        --timeout SECONDS    how long the check may take in all (default 10; 0.5 is fine)
        --help               print this help and exit
        --version            print the client version and exit

      Exit codes:
        0   success
        1   unexpected failure (a bug: please report it)
        2   server unreachable (refused, unknown host, TLS failure) or timed out
        3   protocol error: the server answered, but not as a Marquee server does
        64  usage error: the command line is wrong
      """;

  /**
   * Parses the command line. {@code --help} wins over everything else, then {@code --version}.
   *
   * @throws UsageException for an unknown flag, a missing or bad value, or nothing to do
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
      switch (name) {
        case "--help", "-h" -> help = flag(name, value);
        case "--version" -> version = flag(name, value);
        case "--check" -> check = flag(name, value);
        case "--server", "--timeout" -> {
          if (value == null) {
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
              throw new UsageException(name + " needs a value");
            }
            value = args[++i];
          }
          if (values.putIfAbsent(name, value) != null) {
            throw new UsageException(name + " is given twice");
          }
        }
        default ->
            throw new UsageException(
                arg.startsWith("-")
                    ? "unknown option '" + arg + "'"
                    : "unexpected argument '" + arg + "'");
      }
    }
    if (help) {
      return new DeviceOptions(Mode.HELP, null, DEFAULT_TIMEOUT);
    }
    if (version) {
      return new DeviceOptions(Mode.VERSION, null, DEFAULT_TIMEOUT);
    }
    String server = values.get("--server");
    String timeout = values.get("--timeout");
    Duration parsedTimeout = timeout == null ? DEFAULT_TIMEOUT : parseTimeout(timeout);
    if (!check) {
      throw new UsageException("nothing to do: pass --check (this version only checks a server)");
    }
    if (server == null) {
      throw new UsageException("--check needs --server URL");
    }
    return new DeviceOptions(Mode.CHECK, ServerAddress.parse(server), parsedTimeout);
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
