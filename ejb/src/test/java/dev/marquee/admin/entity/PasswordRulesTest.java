package dev.marquee.admin.entity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

  @Test
  void acceptsALongPassphrase() {
    assertThatCode(() -> PasswordRules.check("correct horse battery".toCharArray(), "ana"))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesShortBlankOverlongAndUsernamePasswords() {
    assertThatThrownBy(() -> PasswordRules.check("elevenchars".toCharArray(), "ana"))
        .hasMessage("The password needs at least 12 characters.");
    assertThatThrownBy(() -> PasswordRules.check(null, "ana"))
        .isInstanceOf(InvalidCredentialsFormatException.class);
    assertThatThrownBy(() -> PasswordRules.check(" ".repeat(12).toCharArray(), "ana"))
        .hasMessage("The password must not be only spaces.");
    assertThatThrownBy(() -> PasswordRules.check("x".repeat(201).toCharArray(), "ana"))
        .hasMessage("The password may have at most 200 characters.");
    assertThatThrownBy(() -> PasswordRules.check("Ana@Corner-Gym".toCharArray(), "ana@corner-gym"))
        .hasMessage("The password must not be the username.");
  }

  @Test
  void messagesNeverRepeatThePassword() {
    String secret = "short-secret";
    assertThatThrownBy(() -> PasswordRules.check(secret.toCharArray(), secret))
        .message()
        .doesNotContain(secret);
  }

  @Test
  void aPasswordTypedTwiceMustBeTheSameBothTimesAndFollowTheRules() {
    char[] good = "a long enough password".toCharArray();
    PasswordRules.check(good, good.clone(), "ana");
    assertThatThrownBy(
            () -> PasswordRules.check(good, "a long enough passwort".toCharArray(), "ana"))
        .isInstanceOf(InvalidCredentialsFormatException.class)
        .hasMessage("The two passwords differ. Type the same password twice.");
    assertThatThrownBy(() -> PasswordRules.check("short".toCharArray(), "short".toCharArray(), "a"))
        .isInstanceOf(InvalidCredentialsFormatException.class)
        .hasMessageContaining("at least 12 characters");
  }
}
