package dev.marquee.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps requests that are malformed before they reach Marquee from writing stack traces: the web
 * container logs a request URI with a broken percent-encoding ({@code GET /%}) as SEVERE with a
 * 30-line trace, so any anonymous client could fill the log. Such a record becomes one INFO line
 * that says what was refused; every other record of the container passes unchanged.
 */
@Startup
@Singleton
public class ClientErrorLogs {

  /** The web container's logger for errors during request processing. */
  static final String CONTAINER_LOGGER = "jakarta.enterprise.web.core";

  private final Logger container = Logger.getLogger(CONTAINER_LOGGER);
  private Filter previous;

  @PostConstruct
  void install() {
    previous = container.getFilter();
    container.setFilter(new MalformedRequests(previous));
  }

  @PreDestroy
  void uninstall() {
    // The container's logger outlives this application: leave no class of ours attached to it.
    container.setFilter(previous);
  }

  /** Turns the container's record of a malformed request URI into one short line. */
  static final class MalformedRequests implements Filter {

    private final Filter next;

    MalformedRequests(Filter next) {
      this.next = next;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      Throwable thrown = record.getThrown();
      if (thrown != null && causedByUriDecoding(thrown)) {
        record.setThrown(null);
        record.setParameters(null);
        record.setLevel(Level.INFO);
        record.setMessage("Refused a request with a malformed URI (" + thrown.getMessage() + ")");
      }
      return next == null || next.isLoggable(record);
    }

    private static boolean causedByUriDecoding(Throwable thrown) {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        StackTraceElement[] stack = t.getStackTrace();
        if (stack.length > 0 && stack[0].getClassName().endsWith(".URLDecoder")) {
          return true;
        }
      }
      return false;
    }
  }
}
