package dev.marquee.sandbox.users;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Spotify account that can "log in" at the consent page and whose playback is scripted.
 *
 * @param id Spotify user id; letters, digits, dot, underscore and dash only, because it appears in
 *     URIs and image paths
 * @param country ISO 3166-1 alpha-2 code
 * @param product {@code premium} or {@code free}
 */
public record SandboxUser(
    String id, String displayName, String email, String country, String product) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  public SandboxUser {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("User id must be 1-64 letters, digits, '.', '_' or '-'");
    }
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("display name must not be blank");
    }
    Objects.requireNonNull(email, "email");
    if (country == null || !COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code like SE");
    }
    product = Objects.requireNonNull(product, "product").toLowerCase(Locale.ROOT);
  }

  /** A premium user in Sweden with an example.com address. */
  public static SandboxUser of(String id, String displayName) {
    return new SandboxUser(id, displayName, id + "@example.com", "SE", "premium");
  }
}
