package dev.marquee.device;

import java.io.PrintStream;

/** The device client's entry point: {@code java -jar marquee-device.jar --help}. */
public final class DeviceMain {
  private static final String PROGRAM = "marquee-device";

  private DeviceMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Does what the command line asks and returns the exit code; prints results to {@code out} and
   * one line per problem to {@code err}, never a stack trace.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      DeviceOptions options;
      try {
        options = DeviceOptions.parse(args);
      } catch (UsageException e) {
        return fail(err, ExitCode.USAGE, e.getMessage() + " (see --help)");
      }
      switch (options.mode()) {
        case HELP -> out.print(DeviceOptions.USAGE);
        case VERSION -> out.println(PROGRAM + " " + ClientVersion.current());
        case CHECK -> {
          ServerCheck check =
              new ServerCheck(options.server(), options.timeout(), ClientVersion.clientId());
          try {
            out.println(check.run().summary());
          } catch (ServerCheck.Failure e) {
            return fail(err, e.exitCode(), e.getMessage());
          }
        }
        case RUN -> {
          Logs.configure(options.run().logLevel(), err);
          if (options.run().output() != OutputKind.WINDOW) {
            // Frames are drawn into images only: no display, no X11 libraries touched.
            System.setProperty("java.awt.headless", "true");
          }
          try {
            DeviceRunner.run(options);
          } catch (java.io.IOException e) {
            return fail(err, ExitCode.CANNOT_START, "cannot start: " + e.getMessage());
          } catch (java.awt.HeadlessException e) {
            return fail(
                err, ExitCode.USAGE, "no display for a window: use --output framebuffer or png");
          }
        }
      }
      out.flush();
      return ExitCode.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(err, ExitCode.INTERNAL, "interrupted");
    } catch (RuntimeException e) {
      return fail(err, ExitCode.INTERNAL, "unexpected failure (a bug, please report it): " + e);
    }
  }

  private static int fail(PrintStream err, int exitCode, String message) {
    err.println(PROGRAM + ": " + message.replaceAll("\\s*\\R\\s*", " "));
    err.flush();
    return exitCode;
  }
}
