package dev.marquee.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {

  @Test
  void cutsLongValuesAndNeutralizesControlCharacters() {
    AuditEvent event =
        new AuditEvent(
            AuditAction.SIGN_IN_FAILED,
            Instant.parse("2026-11-22T10:00:00Z"),
            null,
            "ana\nSIGN_IN ok" + "x".repeat(400),
            "127.0.0.1",
            "d".repeat(2000));
    assertThat(event.actor().orElseThrow()).hasSize(AuditEvent.MAX_ACTOR).doesNotContain("\n");
    assertThat(event.detail().orElseThrow()).hasSize(1000);
    assertThat(event.organizationId()).isEmpty();
  }

  @Test
  void everyActionHasWords() {
    for (AuditAction action : AuditAction.values()) {
      assertThat(action.label()).isNotBlank();
    }
  }
}
