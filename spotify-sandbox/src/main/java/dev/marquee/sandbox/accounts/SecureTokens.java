package dev.marquee.sandbox.accounts;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable random strings for codes, tokens and pending-authorization ids. */
final class SecureTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SecureTokens() {}

  /** {@code bytes} random bytes, base64url-encoded without padding, after {@code prefix}. */
  static String generate(String prefix, int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return prefix + ENCODER.encodeToString(random);
  }
}
