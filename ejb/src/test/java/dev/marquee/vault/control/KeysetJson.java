package dev.marquee.vault.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the secret part out of a Tink JSON keyset, to prove it appears nowhere else. */
final class KeysetJson {

  private static final Pattern KEY_VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"");

  private KeysetJson() {}

  /** The base64 serialized keys of all keys in the keyset. */
  static java.util.List<String> keyValuesOf(String keysetJson) {
    return KEY_VALUE.matcher(keysetJson).results().map(result -> result.group(1)).toList();
  }

  /** The base64 serialized key of the first key in the keyset. */
  static String keyValueOf(String keysetJson) {
    Matcher matcher = KEY_VALUE.matcher(keysetJson);
    if (!matcher.find()) {
      throw new AssertionError("no key value in the keyset");
    }
    return matcher.group(1);
  }
}
