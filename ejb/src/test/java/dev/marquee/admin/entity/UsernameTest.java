package dev.marquee.admin.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

  @Test
  void storesTrimmedLowerCase() {
    assertThat(Username.of("  Ana@Corner-Gym.example ")).isEqualTo("ana@corner-gym.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ab", "has space", "tab\tname", "semi;colon", "<script>", "ünïcode"})
  void refusesNamesOutsideTheRules(String typed) {
    assertThatThrownBy(() -> Username.of(typed))
        .isInstanceOf(InvalidCredentialsFormatException.class)
        .hasMessageContaining("3 to 100 characters");
  }

  @Test
  void refusesOverlongNames() {
    assertThatThrownBy(() -> Username.of("a".repeat(101)))
        .isInstanceOf(InvalidCredentialsFormatException.class);
    assertThat(Username.of("a".repeat(100))).hasSize(100);
  }

  @Test
  void lookupNeverFails() {
    assertThat(Username.normalizeForLookup(null)).isEmpty();
    assertThat(Username.normalizeForLookup(" X y ")).isEqualTo("x y");
  }
}
