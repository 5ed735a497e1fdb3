package dev.marquee.admin.entity;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for console usernames: 3 to 100 of a-z, 0-9 and {@code . _ @ + -}, any case. */
public final class Username {

  public static final int MAX_LENGTH = 100;

  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._@+-]{3," + MAX_LENGTH + "}");

  private Username() {}

  /**
   * The username as stored: trimmed and lower-cased, so "Ana@Gym" and "ana@gym" are one account.
   *
   * @throws InvalidCredentialsFormatException when it breaks the rules
   */
  public static String of(String typed) {
    String normalized = normalizeForLookup(typed);
    if (!ALLOWED.matcher(normalized).matches()) {
      throw new InvalidCredentialsFormatException(
          "A username has 3 to "
              + MAX_LENGTH
              + " characters: letters, digits and . _ @ + - (for example ana@corner-gym).");
    }
    return normalized;
  }

  /** What a typed name is looked up and counted as, without judging it. */
  public static String normalizeForLookup(String typed) {
    return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
  }
}
