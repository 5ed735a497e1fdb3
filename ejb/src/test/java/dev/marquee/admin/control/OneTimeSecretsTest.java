package dev.marquee.admin.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeSecretsTest {

  @Test
  void tokensCarry256BitsAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = OneTimeSecrets.token();
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      assertThat(seen.add(token)).isTrue();
    }
  }

  @Test
  void humanCodesAvoidLookAlikesAndNormalize() {
    String code = OneTimeSecrets.humanCode();
    assertThat(code).matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){4}");
    String typed = " " + code.toLowerCase().replace("-", " ") + " ";
    assertThat(OneTimeSecrets.normalizeCode(typed)).isEqualTo(code.replace("-", ""));
  }

  @Test
  void digestIsSha256Hex() {
    assertThat(OneTimeSecrets.digest("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
