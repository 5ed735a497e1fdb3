package dev.marquee.spotify.control;

import java.util.Arrays;

/**
 * A Spotify app's client secret. It is only read by this package when it authenticates to the token
 * endpoint; {@link #toString()} is {@code ***}. Equality is identity, so a secret is never compared
 * by value by accident.
 */
public final class ClientSecret {

  private final char[] value;

  private ClientSecret(char[] value) {
    if (isBlank(value)) {
      throw new IllegalArgumentException("A client secret must not be blank");
    }
    this.value = value;
  }

  /** Copies the characters; the caller may wipe its array afterwards. */
  public static ClientSecret of(char[] value) {
    if (value == null) {
      throw new IllegalArgumentException("A client secret must not be blank");
    }
    return new ClientSecret(Arrays.copyOf(value, value.length));
  }

  public static ClientSecret of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("A client secret must not be blank");
    }
    return new ClientSecret(value.toCharArray());
  }

  private static boolean isBlank(char[] value) {
    for (char c : value) {
      if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** The secret itself, for the token request only. */
  String reveal() {
    return new String(value);
  }

  @Override
  public String toString() {
    return "***";
  }
}
