package dev.marquee.sandbox.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable random strings for codes, tokens and pending-authorization ids, and their hashes. */
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

  /**
   * The SHA-256 of a token or secret, base64url without padding: the key under which the sandbox
   * keeps it, so neither memory dumps of the maps nor the state file hold the value itself. Tokens
   * are random (48 bytes and more), so an unsalted hash cannot be reversed.
   */
  static String sha256(String value) {
    return ENCODER.encodeToString(sha256Bytes(value));
  }

  static byte[] sha256Bytes(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
