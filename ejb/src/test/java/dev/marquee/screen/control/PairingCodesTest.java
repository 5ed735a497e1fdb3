package dev.marquee.screen.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairingCodesTest {

  @Test
  void codesAreTwoGroupsOfFourWithoutLookAlikes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String code = PairingCodes.next();
      assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}").doesNotContain("0", "O", "1", "I", "L");
      assertThat(PairingCodes.wellFormed(PairingCodes.normalize(code))).isTrue();
      seen.add(code);
    }
    assertThat(seen).hasSizeGreaterThan(1_990);
  }

  @Test
  void typedCodesForgiveCaseSpacesAndDashesOnly() {
    assertThat(PairingCodes.normalize(" k7qx - m4pd ")).isEqualTo("K7QXM4PD");
    assertThat(PairingCodes.wellFormed("K7QXM4PD")).isTrue();
    assertThat(PairingCodes.wellFormed("K7QXM4P")).isFalse();
    assertThat(PairingCodes.wellFormed("K7QXM4P0")).isFalse();
    assertThat(PairingCodes.wellFormed(PairingCodes.normalize(null))).isFalse();
  }
}
