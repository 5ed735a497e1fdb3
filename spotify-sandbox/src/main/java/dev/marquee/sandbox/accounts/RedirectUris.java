package dev.marquee.sandbox.accounts;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds the redirect back to the app, keeping any query the registered URI already has. */
final class RedirectUris {

  private RedirectUris() {}

  /** Appends parameters, skipping null values (e.g. an absent {@code state}). */
  static URI withParameters(String redirectUri, Map<String, String> parameters) {
    StringBuilder uri = new StringBuilder(redirectUri);
    char separator = redirectUri.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (parameter.getValue() == null) {
        continue;
      }
      uri.append(separator)
          .append(encode(parameter.getKey()))
          .append('=')
          .append(encode(parameter.getValue()));
      separator = '&';
    }
    return URI.create(uri.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
