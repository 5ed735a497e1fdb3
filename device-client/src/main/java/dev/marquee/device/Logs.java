package dev.marquee.device;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The client's log: java.util.logging (no library), one line per event on stderr, which systemd's
 * journal keeps. What is logged never carries the device token or the pairing secret.
 */
final class Logs {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private Logs() {}

  static void configure(Level level, PrintStream err) {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (isLoggable(record)) {
              err.print(getFormatter().format(record));
              err.flush();
            }
          }

          @Override
          public void flush() {
            err.flush();
          }

          @Override
          public void close() {
            err.flush();
          }
        };
    handler.setFormatter(new OneLine());
    handler.setLevel(level);
    root.addHandler(handler);
    root.setLevel(Level.INFO);
    // Only the client's own loggers go below INFO: the JDK's HTTP client is chatty at FINE.
    Logger.getLogger("dev.marquee.device").setLevel(level);
  }

  /** {@code 12:00:01.250 INFO connected to ws://host:8080/ws/screen as screen "Lobby"}. */
  private static final class OneLine extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringBuilder line =
          new StringBuilder()
              .append(TIME.format(LocalTime.now()))
              .append(' ')
              .append(name(record.getLevel()))
              .append(' ')
              .append(formatMessage(record));
      if (record.getThrown() != null) {
        line.append(" (").append(record.getThrown()).append(')');
      }
      return line.append(System.lineSeparator()).toString();
    }

    private static String name(Level level) {
      if (level.intValue() >= Level.SEVERE.intValue()) {
        return "ERROR";
      }
      if (level.intValue() >= Level.WARNING.intValue()) {
        return "WARN ";
      }
      if (level.intValue() >= Level.INFO.intValue()) {
        return "INFO ";
      }
      return "DEBUG";
    }
  }
}
