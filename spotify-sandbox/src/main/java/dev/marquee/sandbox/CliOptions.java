package dev.marquee.sandbox;

import dev.marquee.sandbox.accounts.RedirectUriRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line of the sandbox jar, parsed and checked before anything starts. */
final class CliOptions {

  static final String USAGE =
      """
      Usage: java -jar spotify-sandbox-0.1.0-cli.jar [options]

      A local stand-in for Spotify's accounts service and Web API.

      Options:
        --port N                   port to listen on (default 8099; 0 picks a free port)
        --bind ADDRESS             address to bind (default 127.0.0.1)
        --demo                     register the demo app (client id marquee-demo, secret
                                   marquee-demo-secret) and three users who are playing
        --redirect-uri URI         extra redirect URI for the demo app (repeatable; needs --demo)
        --token-lifetime SECONDS   access token lifetime (default 3600, at least 1)
        --rotate-refresh-tokens    return a new refresh token on every refresh
        --calls-per-30s N          Web API calls per app per rolling 30 s before 429 (default 1000)
        --controllable-clock       start a clock that only moves via POST /sandbox/clock/advance
        --public-url URL           base URL to put in JSON links (default http://BIND:PORT)
        --state-file PATH          keep issued tokens and grants (as hashes), and apps and users
                                   added at runtime, in PATH across restarts; written owner-only
                                   after each change and on exit. Unusable file: renamed aside,
                                   fresh start. Unreadable or unwritable: refuses to start
        --help                     print this help
      """;

  /** A command line that cannot be used; the message says why. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private int port = 8099;
  private String bind = "127.0.0.1";
  private boolean demo;
  private final List<URI> redirectUris = new ArrayList<>();
  private Duration tokenLifetime = Duration.ofSeconds(3600);
  private boolean rotateRefreshTokens;
  private int callsPer30s = 1000;
  private boolean controllableClock;
  private URI publicUrl;
  private Path stateFile;
  private boolean help;

  private CliOptions() {}

  /**
   * @throws UsageException for unknown options, missing values and values out of range
   */
  static CliOptions parse(String... args) throws UsageException {
    CliOptions options = new CliOptions();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String inlineValue = null;
      if (arg.startsWith("--") && arg.contains("=")) {
        inlineValue = arg.substring(arg.indexOf('=') + 1);
        arg = arg.substring(0, arg.indexOf('='));
      }
      if (isFlag(arg)) {
        if (inlineValue != null) {
          throw new UsageException(arg + " takes no value");
        }
        options.setFlag(arg);
        continue;
      }
      String value = inlineValue;
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException(arg + " needs a value" + (isKnown(arg) ? "" : unknown(arg)));
        }
        value = args[++i];
      }
      options.setValue(arg, value);
    }
    if (!options.redirectUris.isEmpty() && !options.demo) {
      throw new UsageException(
          "--redirect-uri adds redirect URIs to the demo app: use it with --demo");
    }
    return options;
  }

  private static boolean isFlag(String arg) {
    return List.of("--demo", "--rotate-refresh-tokens", "--controllable-clock", "--help", "-h")
        .contains(arg);
  }

  private static boolean isKnown(String arg) {
    return List.of(
            "--port",
            "--bind",
            "--redirect-uri",
            "--token-lifetime",
            "--calls-per-30s",
            "--public-url",
            "--state-file")
        .contains(arg);
  }

  private static String unknown(String arg) {
    return " (unknown option " + arg + "; see --help)";
  }

  private void setFlag(String flag) {
    switch (flag) {
      case "--demo" -> demo = true;
      case "--rotate-refresh-tokens" -> rotateRefreshTokens = true;
      case "--controllable-clock" -> controllableClock = true;
      default -> help = true;
    }
  }

  private void setValue(String option, String value) throws UsageException {
    switch (option) {
      case "--port" -> port = integer(option, value, 0, 65535);
      case "--bind" -> bind = value;
      case "--redirect-uri" -> redirectUris.add(redirectUri(value));
      case "--token-lifetime" ->
          tokenLifetime = Duration.ofSeconds(integer(option, value, 1, Integer.MAX_VALUE));
      case "--calls-per-30s" -> callsPer30s = integer(option, value, 1, Integer.MAX_VALUE);
      case "--public-url" -> publicUrl = publicUrl(value);
      case "--state-file" -> stateFile = stateFile(value);
      default -> throw new UsageException("Unknown option " + option + "; see --help");
    }
  }

  private static int integer(String option, String value, int min, int max) throws UsageException {
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Reported below with the accepted range.
    }
    String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
    throw new UsageException(option + " must be a whole number " + range + ", got '" + value + "'");
  }

  private static URI redirectUri(String value) throws UsageException {
    try {
      URI uri = new URI(value);
      RedirectUriRules.requireRegistrable(uri);
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException("--redirect-uri is not a valid URI: '" + value + "'");
    } catch (IllegalArgumentException e) {
      throw new UsageException("--redirect-uri refused: " + e.getMessage());
    }
  }

  private static URI publicUrl(String value) throws UsageException {
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
        throw new UsageException("--public-url must be an http(s) URL, got '" + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException("--public-url is not a valid URL: '" + value + "'");
    }
  }

  private static Path stateFile(String value) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException("--state-file needs a file path");
    }
    try {
      Path path = Path.of(value);
      if (path.getFileName() == null) {
        throw new UsageException("--state-file needs a file path, got '" + value + "'");
      }
      return path;
    } catch (InvalidPathException e) {
      throw new UsageException("--state-file is not a valid path: '" + value + "'");
    }
  }

  boolean help() {
    return help;
  }

  int port() {
    return port;
  }

  String bind() {
    return bind;
  }

  boolean demo() {
    return demo;
  }

  List<URI> redirectUris() {
    return List.copyOf(redirectUris);
  }

  Duration tokenLifetime() {
    return tokenLifetime;
  }

  boolean rotateRefreshTokens() {
    return rotateRefreshTokens;
  }

  int callsPer30s() {
    return callsPer30s;
  }

  boolean controllableClock() {
    return controllableClock;
  }

  Path stateFile() {
    return stateFile;
  }

  SpotifySandbox.Builder toBuilder() {
    SpotifySandbox.Builder builder =
        SpotifySandbox.builder()
            .port(port)
            .bindAddress(bind)
            .demo(demo)
            .demoRedirectUris(redirectUris)
            .accessTokenLifetime(tokenLifetime)
            .rotateRefreshTokens(rotateRefreshTokens)
            .callsPer30s(callsPer30s);
    if (controllableClock) {
      builder.clock(SandboxClock.startingNow());
    }
    if (publicUrl != null) {
      builder.publicBaseUri(publicUrl);
    }
    if (stateFile != null) {
      builder.stateFile(stateFile);
    }
    return builder;
  }
}
