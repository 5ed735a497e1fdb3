package dev.marquee.spotify.control;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text from Spotify that may go into an exception message, and how durations read. Spotify's error
 * descriptions are fixed phrases ("Invalid authorization code", "Refresh token revoked") that do
 * not quote what the client sent; this class still lets through only short, plain phrases that
 * contain nothing that looks like a token and no part of anything secret the request carried.
 */
final class SpotifyText {

  private static final int MAX_DESCRIPTION = 80;
  private static final int MAX_ERROR_CODE = 40;

  /** Printable ASCII only: no control characters, no look-alikes. */
  private static final Pattern PLAIN = Pattern.compile("[\\x20-\\x7e]+");

  /** A long run of token characters: could be a token, code or key whatever it says. */
  private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9._~+/=-]{24,}");

  /** A shared run this long between a description and a secret drops the description. */
  private static final int SHARED_RUN = 8;

  private SpotifyText() {}

  /** Spotify's {@code error_description}, when it is safe to show. */
  static Optional<String> description(String description, Collection<String> secrets) {
    return safe(description, MAX_DESCRIPTION, secrets);
  }

  /** Spotify's {@code error} code, when it is safe to show. */
  static Optional<String> errorCode(String code, Collection<String> secrets) {
    return safe(code, MAX_ERROR_CODE, secrets);
  }

  /** "250 ms", "5 s". */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static Optional<String> safe(String text, int maxLength, Collection<String> secrets) {
    if (text == null) {
      return Optional.empty();
    }
    String stripped = text.strip();
    if (stripped.isEmpty()
        || stripped.length() > maxLength
        || !PLAIN.matcher(stripped).matches()
        || TOKEN_LIKE.matcher(stripped).find()
        || secrets.stream().anyMatch(secret -> sharesRun(stripped, secret))) {
      return Optional.empty();
    }
    return Optional.of(stripped);
  }

  private static boolean sharesRun(String text, String secret) {
    if (secret == null || secret.isEmpty()) {
      return false;
    }
    if (secret.length() <= SHARED_RUN) {
      return text.contains(secret);
    }
    for (int start = 0; start + SHARED_RUN <= secret.length(); start++) {
      if (text.contains(secret.substring(start, start + SHARED_RUN))) {
        return true;
      }
    }
    return false;
  }
}
