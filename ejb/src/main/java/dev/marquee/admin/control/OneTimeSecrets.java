package dev.marquee.admin.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random one-time values (setup codes, invite tokens, OAuth states) and the SHA-256 digests they
 * are stored as. A digest is enough for these: they are long random values, not passwords people
 * choose, so nobody can guess one from its digest.
 */
public final class OneTimeSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private OneTimeSecrets() {}

  /** 256 random bits, URL-safe: for links. */
  public static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * A code a person copies from a log: 20 characters of an alphabet without look-alikes (0/O, 1/I)
   * in groups of four, 100 random bits.
   */
  public static String humanCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
    }
    return code.toString();
  }

  /** What a typed code is compared as: upper case, without spaces or dashes. */
  public static String normalizeCode(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
  }

  /** The lower-case hex SHA-256 of a value. */
  public static String digest(String value) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
