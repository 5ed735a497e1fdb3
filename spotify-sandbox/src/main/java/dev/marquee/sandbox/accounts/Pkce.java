package dev.marquee.sandbox.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange (RFC 7636), S256 only, as Spotify supports. */
public final class Pkce {

  /** The only method Spotify accepts. */
  public static final String S256 = "S256";

  /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  /** An S256 challenge is a base64url SHA-256 digest: exactly 43 characters. */
  private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Pkce() {}

  public static boolean isWellFormedVerifier(String verifier) {
    return verifier != null && VERIFIER.matcher(verifier).matches();
  }

  public static boolean isWellFormedChallenge(String challenge) {
    return challenge != null && S256_CHALLENGE.matcher(challenge).matches();
  }

  /** BASE64URL-no-padding(SHA-256(ASCII(verifier))). */
  public static String s256Challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }

  /** Constant-time comparison, so timing does not reveal how much of a guess was right. */
  public static boolean verifierMatches(String verifier, String challenge) {
    if (!isWellFormedVerifier(verifier)) {
      return false;
    }
    return MessageDigest.isEqual(
        s256Challenge(verifier).getBytes(StandardCharsets.US_ASCII),
        challenge.getBytes(StandardCharsets.US_ASCII));
  }
}
