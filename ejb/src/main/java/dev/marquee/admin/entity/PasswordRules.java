package dev.marquee.admin.entity;

/**
 * What a console password must be: long rather than complicated (NIST SP 800-63B): at least 12
 * characters, at most 200, not only spaces, not the username.
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 200;

  private PasswordRules() {}

  /**
   * A password typed twice, as the setup and invite forms ask for it.
   *
   * @throws InvalidCredentialsFormatException when the two differ or the password breaks a rule
   */
  public static void check(char[] password, char[] repeated, String username) {
    if (!java.util.Arrays.equals(password, repeated)) {
      throw new InvalidCredentialsFormatException(
          "The two passwords differ. Type the same password twice.");
    }
    check(password, username);
  }

  /**
   * @throws InvalidCredentialsFormatException when the password breaks a rule; the message never
   *     repeats the password
   */
  public static void check(char[] password, String username) {
    if (password == null || password.length < MIN_LENGTH) {
      throw new InvalidCredentialsFormatException(
          "The password needs at least " + MIN_LENGTH + " characters.");
    }
    if (password.length > MAX_LENGTH) {
      throw new InvalidCredentialsFormatException(
          "The password may have at most " + MAX_LENGTH + " characters.");
    }
    if (new String(password).isBlank()) {
      throw new InvalidCredentialsFormatException("The password must not be only spaces.");
    }
    if (username != null && new String(password).equalsIgnoreCase(username)) {
      throw new InvalidCredentialsFormatException("The password must not be the username.");
    }
  }
}
