package dev.marquee.organization.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrganizationTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void keepsATrimmedNameAndItsCreationTime() {
    Organization gym = new Organization("  Northside Gym ", NOW);
    assertThat(gym.name()).isEqualTo("Northside Gym");
    assertThat(gym.createdAt()).isEqualTo(NOW);
    assertThat(gym.id()).isNotNull();
  }

  @Test
  void everyOrganizationHasItsOwnRandomId() {
    assertThat(new Organization("A", NOW).id()).isNotEqualTo(new Organization("A", NOW).id());
  }

  @Test
  void refusesBlankTooLongAndControlCharacterNames() {
    assertThatThrownBy(() -> new Organization("   ", NOW))
        .isInstanceOf(InvalidOrganizationNameException.class)
        .hasMessage("An organization needs a name.");
    assertThatThrownBy(() -> new Organization("x".repeat(101), NOW))
        .isInstanceOf(InvalidOrganizationNameException.class)
        .hasMessageContaining("at most 100");
    assertThatThrownBy(() -> new Organization("Gym\u0000", NOW))
        .isInstanceOf(InvalidOrganizationNameException.class)
        .hasMessageContaining("control characters");
  }

  @Test
  void countsCharactersNotCodeUnits() {
    String emoji = "🎵".repeat(100);
    assertThat(new Organization(emoji, NOW).name()).isEqualTo(emoji);
  }

  @Test
  void aRefusedRenameLeavesTheNameAsItWas() {
    Organization shop = new Organization("Corner Shop", NOW);
    assertThatThrownBy(() -> shop.rename("")).isInstanceOf(InvalidOrganizationNameException.class);
    assertThat(shop.name()).isEqualTo("Corner Shop");
  }

  @Test
  void namesAreComparedTrimmedAndWithoutRegardToCase() {
    assertThat(OrganizationName.key(" org a ")).isEqualTo(OrganizationName.key("Org A"));
    assertThat(OrganizationName.key("Org A")).isEqualTo("org a");
    assertThat(new Organization(" org a ", NOW).name()).isEqualTo("org a");
  }
}
