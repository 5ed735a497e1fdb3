package dev.marquee.database.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ReasonsTest {

  @Test
  void takesTheFirstLineOfTheDeepestMessage() {
    Exception chain =
        new RuntimeException(
            "Unable to obtain connection from database\n---------\nSQL State: 08001",
            new SQLException(
                "Connection to 127.0.0.1:1 refused.",
                new ConnectException("Connection refused\n\tat somewhere")));
    assertThat(Reasons.firstLineOf(chain)).isEqualTo("ConnectException: Connection refused");
  }

  @Test
  void keepsSqlMessagesAsTheDriverWroteThem() {
    Exception chain =
        new RuntimeException("wrapper", new SQLException("FATAL: database \"x\" does not exist"));
    assertThat(Reasons.firstLineOf(chain)).isEqualTo("FATAL: database \"x\" does not exist");
  }

  @Test
  void survivesACycleInTheCauseChain() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);
    assertThat(Reasons.firstLineOf(first)).isEqualTo("RuntimeException: second");
  }

  @Test
  void fallsBackToTheTypeWhenNothingHasAMessage() {
    assertThat(Reasons.firstLineOf(new IllegalStateException())).isEqualTo("IllegalStateException");
  }

  @Test
  void shortensRunawayMessages() {
    assertThat(Reasons.firstLineOf(new SQLException("x".repeat(1000)))).hasSize(301);
  }
}
