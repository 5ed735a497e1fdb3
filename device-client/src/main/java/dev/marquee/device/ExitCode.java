package dev.marquee.device;

/** The process exit codes of the device client; {@code --help} and the README list them too. */
final class ExitCode {
  /** Done: the check succeeded, or help or the version was printed. */
  static final int OK = 0;

  /** Something the client did not expect: a bug, please report it. */
  static final int INTERNAL = 1;

  /**
   * The server could not be reached (refused, unknown host, TLS failure) or did not answer in time.
   */
  static final int UNREACHABLE = 2;

  /**
   * Something answered, but not as a Marquee server does: refused upgrade, early close, bad hello.
   */
  static final int PROTOCOL = 3;

  /** The client cannot start: the output, the art cache or the token file cannot be opened. */
  static final int CANNOT_START = 4;

  /** The command line was wrong (sysexits.h EX_USAGE). */
  static final int USAGE = 64;

  private ExitCode() {}
}
