package dev.marquee.sandbox;

import dev.marquee.sandbox.state.StateFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** Runs the sandbox from the command line until the process is killed. */
public final class SandboxMain {

  /**
   * The result of {@link #launch}.
   *
   * @param sandbox the running sandbox, or null when nothing was started
   */
  record Launch(int exitCode, SpotifySandbox sandbox) {}

  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    // Cover art is drawn with Java2D; servers have no display.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    Launch launch = launch(args, System.out, System.err);
    if (launch.sandbox() == null) {
      if (launch.exitCode() != 0) {
        System.exit(launch.exitCode());
      }
      return;
    }
    SpotifySandbox sandbox = launch.sandbox();
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "spotify-sandbox-shutdown"));
    new CountDownLatch(1).await();
  }

  /** Parses the arguments and starts the sandbox, printing the one-line banner or an error. */
  static Launch launch(String[] args, PrintStream out, PrintStream err) {
    CliOptions options;
    try {
      options = CliOptions.parse(args);
    } catch (CliOptions.UsageException e) {
      err.println("spotify-sandbox: " + e.getMessage());
      err.println("Run with --help for usage.");
      return new Launch(2, null);
    }
    if (options.help()) {
      out.print(CliOptions.USAGE);
      return new Launch(0, null);
    }
    SpotifySandbox sandbox = options.toBuilder().build();
    try {
      sandbox.start();
    } catch (StateFileException e) {
      err.println("spotify-sandbox: " + e.getMessage() + " (refusing to start)");
      return new Launch(1, null);
    } catch (IOException | RuntimeException e) {
      err.println(
          "spotify-sandbox: cannot listen on "
              + options.bind()
              + ":"
              + options.port()
              + ": "
              + e.getMessage());
      return new Launch(1, null);
    }
    sandbox.stateWarning().ifPresent(warning -> err.println("spotify-sandbox: " + warning));
    out.println(banner(sandbox));
    return new Launch(0, sandbox);
  }

  static String banner(SpotifySandbox sandbox) {
    String mode;
    if (sandbox.isDemo()) {
      long playing =
          sandbox.users().stream()
              .filter(account -> account.player().snapshot().isPlaying())
              .count();
      mode = "demo: " + playing + " users playing";
    } else {
      mode = "no demo data; create apps and users via /sandbox";
    }
    String state = sandbox.stateSummary().map(summary -> "; " + summary).orElse("");
    return "Spotify sandbox listening on " + sandbox.baseUri() + " (" + mode + state + ")";
  }
}
