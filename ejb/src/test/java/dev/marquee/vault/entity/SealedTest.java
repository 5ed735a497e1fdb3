package dev.marquee.vault.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SealedTest {

  @Test
  void holdsACopySoCallersCannotChangeAStoredValue() {
    byte[] bytes = {1, 2, 3, 4, 5, 6};
    Sealed sealed = new Sealed(bytes);
    bytes[0] = 9;
    sealed.ciphertext()[1] = 9;

    assertThat(sealed.ciphertext()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(sealed.length()).isEqualTo(6);
  }

  @Test
  void equalByContentLikeTwoReadsOfTheSameColumn() {
    assertThat(new Sealed(new byte[] {1, 2, 3})).isEqualTo(new Sealed(new byte[] {1, 2, 3}));
    assertThat(new Sealed(new byte[] {1, 2, 3}))
        .hasSameHashCodeAs(new Sealed(new byte[] {1, 2, 3}));
    assertThat(new Sealed(new byte[] {1, 2, 3})).isNotEqualTo(new Sealed(new byte[] {1, 2, 4}));
  }

  @Test
  void toStringTellsTheLengthButNoByte() {
    Sealed sealed = new Sealed(new byte[] {0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47});

    assertThat(sealed.toString())
        .isEqualTo("Sealed[7 bytes]")
        .doesNotContain("ABCDEFG")
        .doesNotContain("41")
        .doesNotContain("65");
  }

  @Test
  void refusesNothingToStore() {
    assertThatThrownBy(() -> new Sealed(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Sealed(null)).isInstanceOf(NullPointerException.class);
  }
}
