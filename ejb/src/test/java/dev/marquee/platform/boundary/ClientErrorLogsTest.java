package dev.marquee.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ClientErrorLogsTest {

  private final ClientErrorLogs.MalformedRequests filter =
      new ClientErrorLogs.MalformedRequests(null);

  @Test
  void aMalformedRequestUriBecomesOneLineWithoutATrace() {
    IllegalStateException decoding = new IllegalStateException("Unexpected termination");
    decoding.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "org.glassfish.grizzly.http.util.URLDecoder", "decode", "URLDecoder.java", 193)
        });
    LogRecord record = new LogRecord(Level.SEVERE, "An exception or error occurred");
    record.setThrown(decoding);

    assertThat(filter.isLoggable(record)).isTrue();
    assertThat(record.getThrown()).isNull();
    assertThat(record.getLevel()).isEqualTo(Level.INFO);
    assertThat(record.getMessage())
        .isEqualTo("Refused a request with a malformed URI (Unexpected termination)");
  }

  @Test
  void everyOtherRecordPassesUnchanged() {
    RuntimeException failure = new RuntimeException("a real failure");
    LogRecord record = new LogRecord(Level.SEVERE, "An exception or error occurred");
    record.setThrown(failure);

    assertThat(filter.isLoggable(record)).isTrue();
    assertThat(record.getThrown()).isSameAs(failure);
    assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
  }
}
