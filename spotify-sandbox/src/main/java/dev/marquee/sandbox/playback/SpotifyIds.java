package dev.marquee.sandbox.playback;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives stable, Spotify-shaped ids (22 base62 characters) from names, so the same catalog entry
 * has the same id in every run and client code that validates ids accepts ours.
 */
public final class SpotifyIds {

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int LENGTH = 22;

  private SpotifyIds() {}

  /** The id for an object of {@code kind} (track, album, ...) identified by {@code seed}. */
  public static String derive(String kind, String seed) {
    BigInteger value = new BigInteger(1, sha256(kind + '\u0000' + seed));
    BigInteger base = BigInteger.valueOf(BASE62.length());
    StringBuilder id = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      BigInteger[] quotientAndRemainder = value.divideAndRemainder(base);
      id.append(BASE62.charAt(quotientAndRemainder[1].intValue()));
      value = quotientAndRemainder[0];
    }
    return id.toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
