package dev.marquee.screen.control;

import dev.marquee.admin.control.OneTimeSecrets;
import java.security.SecureRandom;

/**
 * Pairing codes: short enough to read off a TV across a room and type on a phone, eight symbols of
 * an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z) shown as two groups of four, 38 random
 * bits. Guessing is held off by the code's ten minutes, single use, and the limits on failed claims
 * per admin address.
 */
public final class PairingCodes {

  static final char[] ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789".toCharArray();
  static final int LENGTH = 8;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PairingCodes() {}

  /** A new code, as shown: {@code K7QX-M4PD}. */
  public static String next() {
    StringBuilder code = new StringBuilder(LENGTH + 1);
    for (int i = 0; i < LENGTH; i++) {
      if (i == LENGTH / 2) {
        code.append('-');
      }
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  /** A typed code as it is compared: upper case, without spaces and dashes (as setup codes). */
  public static String normalize(String typed) {
    return OneTimeSecrets.normalizeCode(typed);
  }

  /** A normalized code as screens show it: two groups of four. */
  public static String display(String normalized) {
    return normalized.substring(0, LENGTH / 2) + "-" + normalized.substring(LENGTH / 2);
  }

  /** Whether a normalized code could have been issued: right length, only the alphabet. */
  public static boolean wellFormed(String normalized) {
    if (normalized.length() != LENGTH) {
      return false;
    }
    for (char c : normalized.toCharArray()) {
      if (new String(ALPHABET).indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
