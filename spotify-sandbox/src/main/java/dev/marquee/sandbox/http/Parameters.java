package dev.marquee.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decoded parameters of a query string or an {@code application/x-www-form-urlencoded} body. */
public final class Parameters {

  private static final Parameters NONE = new Parameters(Map.of());

  private final Map<String, List<String>> values;

  private Parameters(Map<String, List<String>> values) {
    this.values = values;
  }

  public static Parameters none() {
    return NONE;
  }

  /**
   * Parses {@code a=1&b=2}; a null or empty input yields no parameters.
   *
   * @throws IllegalArgumentException on malformed percent-encoding
   */
  public static Parameters parse(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return NONE;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return new Parameters(values);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The first value, treating an empty value like an absent one (as OAuth servers do). */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    if (list == null || list.isEmpty() || list.get(0).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(list.get(0));
  }

  public boolean has(String name) {
    return first(name).isPresent();
  }

  /** RFC 6749 forbids repeating a parameter; callers reject such requests. */
  public boolean isRepeated(String name) {
    List<String> list = values.get(name);
    return list != null && list.size() > 1;
  }

  public Optional<String> firstRepeated() {
    return values.entrySet().stream()
        .filter(entry -> entry.getValue().size() > 1)
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
