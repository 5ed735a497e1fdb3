package dev.marquee.sandbox.accounts;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Spotify's OAuth scopes: the ones that exist, and parsing of a requested {@code scope}. */
public final class Scopes {

  public static final String USER_READ_CURRENTLY_PLAYING = "user-read-currently-playing";
  public static final String USER_READ_PLAYBACK_STATE = "user-read-playback-state";
  public static final String USER_READ_PRIVATE = "user-read-private";
  public static final String USER_READ_EMAIL = "user-read-email";

  private static final Set<String> KNOWN =
      Set.of(
          "ugc-image-upload",
          USER_READ_PLAYBACK_STATE,
          "user-modify-playback-state",
          USER_READ_CURRENTLY_PLAYING,
          "app-remote-control",
          "streaming",
          "playlist-read-private",
          "playlist-read-collaborative",
          "playlist-modify-private",
          "playlist-modify-public",
          "user-follow-modify",
          "user-follow-read",
          "user-read-playback-position",
          "user-top-read",
          "user-read-recently-played",
          "user-library-modify",
          "user-library-read",
          USER_READ_EMAIL,
          USER_READ_PRIVATE,
          "user-personalized");

  private Scopes() {}

  /**
   * Parses a space-separated scope list.
   *
   * @return the scopes in request order, or empty when one of them does not exist
   */
  public static Optional<Set<String>> parse(String scope) {
    if (scope == null || scope.isBlank()) {
      return Optional.of(Set.of());
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String name : scope.trim().split("\\s+")) {
      if (!KNOWN.contains(name)) {
        return Optional.empty();
      }
      scopes.add(name);
    }
    return Optional.of(Collections.unmodifiableSet(scopes));
  }

  /** The space-separated form used in token responses. */
  public static String format(Set<String> scopes) {
    return String.join(" ", scopes);
  }

  public static boolean containsAny(Set<String> granted, String... wanted) {
    return Arrays.stream(wanted).anyMatch(granted::contains);
  }
}
