package dev.marquee.device;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Runs {@link DeviceMain#run} as the command line would, capturing what it prints. */
record Cli(int exitCode, String out, String err, Duration took) {

  static Cli run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int exitCode =
        DeviceMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Cli(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), took);
  }

  /** The client's version as the build knows it, passed in by Surefire. */
  static String expectedVersion() {
    String version = System.getProperty("marquee.expected.version");
    if (version == null) {
      throw new IllegalStateException("run the tests with Maven: marquee.expected.version unset");
    }
    return version;
  }
}
