package dev.marquee.admin.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsoleAccountTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123456789Z");

  @Test
  void anInvitedAccountCannotSignInUntilItHasAPassword() {
    ConsoleAccount account =
        new ConsoleAccount("Ana", Role.ORGANIZATION_ADMIN, UUID.randomUUID(), NOW);
    assertThat(account.username()).isEqualTo("ana");
    assertThat(account.isActive()).isFalse();
    account.setPasswordHash("PBKDF2WithHmacSHA512:210000:salt:hash", NOW);
    assertThat(account.isActive()).isTrue();
    assertThat(account.toString()).doesNotContain("salt").doesNotContain("hash:");
  }

  @Test
  void refusesABlankHashAndABadName() {
    ConsoleAccount account = new ConsoleAccount("ana", Role.NETWORK_ADMIN, UUID.randomUUID(), NOW);
    assertThatThrownBy(() -> account.setPasswordHash(" ", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsoleAccount("a b", Role.NETWORK_ADMIN, UUID.randomUUID(), NOW))
        .isInstanceOf(InvalidCredentialsFormatException.class);
  }

  @Test
  void rolesNameTheirSecurityGroups() {
    assertThat(Role.NETWORK_ADMIN.group()).isEqualTo("network-admin");
    assertThat(Role.ORGANIZATION_ADMIN.group()).isEqualTo("organization-admin");
  }
}
