package dev.marquee.admin.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.audit.entity.AuditEvent;
import org.junit.jupiter.api.Test;

class AdminCredentialsTest {

  @Test
  void aTypedNameIsCountedInTheFormTheAuditLogStoresIt() {
    for (String typed : new String[] {"Ana ", "ana\u0007x", "x".repeat(500), "\u0000"}) {
      String actor = AdminCredentials.actorOf(typed);
      assertThat(AuditEvent.asRecorded(actor, AuditEvent.MAX_ACTOR)).as(typed).isEqualTo(actor);
    }
    assertThat(AdminCredentials.actorOf("Ana ")).isEqualTo(AdminCredentials.actorOf("ana"));
    assertThat(AdminCredentials.actorOf("ana\u0007x")).doesNotContain("\u0007");
  }
}
