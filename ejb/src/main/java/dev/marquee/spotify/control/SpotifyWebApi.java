package dev.marquee.spotify.control;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.marquee.spotify.control.SpotifyWebApiException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import net.minidev.json.JSONObject;

/**
 * Marquee's client for Spotify's Web API ({@code /v1}), with java.net.http: today {@code GET /me}
 * to name a connected account. Timeouts on connecting and on the answer; redirects are not followed
 * (a token is never sent elsewhere); failures are {@link SpotifyWebApiException}s whose messages
 * hold no token and no part of Spotify's body.
 *
 * <p>JSON is read with the JSON utilities of the Nimbus SDK Marquee already ships for OAuth, which
 * work the same in the server and in plain unit tests.
 *
 * <p>Thread-safe; no container needed.
 */
public final class SpotifyWebApi {

  private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

  private final URI base;
  private final Duration readTimeout;
  private final HttpClient http;

  /**
   * @param base the Web API base, e.g. {@code https://api.spotify.com/v1}
   */
  public SpotifyWebApi(URI base, Duration connectTimeout, Duration readTimeout) {
    String text = Objects.requireNonNull(base, "base").toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    this.base = URI.create(text);
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
            .build();
  }

  /**
   * The user the access token belongs to.
   *
   * @throws SpotifyWebApiException when Spotify does not answer with a user
   */
  public SpotifyProfile me(String accessToken) throws SpotifyWebApiException {
    HttpResponse<String> response = get("/me", accessToken);
    JSONObject json = json(response);
    try {
      return new SpotifyProfile(
          JSONObjectUtils.getString(json, "id"),
          Optional.ofNullable(JSONObjectUtils.getString(json, "display_name", null)));
    } catch (ParseException | IllegalArgumentException e) {
      throw new SpotifyWebApiException(
          Kind.UNAVAILABLE, "Spotify's answer about the user could not be read.", 200, null);
    }
  }

  private HttpResponse<String> get(String path, String accessToken) throws SpotifyWebApiException {
    if (accessToken == null || accessToken.isBlank()) {
      throw new IllegalArgumentException("accessToken must not be blank");
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "application/json")
            .timeout(readTimeout)
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw unavailable("no connection to " + base.getRawAuthority() + " in time", 0, null);
    } catch (HttpTimeoutException e) {
      throw unavailable("no answer within " + SpotifyText.duration(readTimeout), 0, null);
    } catch (ConnectException e) {
      throw unavailable("the connection to " + base.getRawAuthority() + " was refused", 0, null);
    } catch (IOException e) {
      throw unavailable("the connection failed (" + e.getClass().getSimpleName() + ")", 0, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("the call was interrupted", 0, null);
    }
    int status = response.statusCode();
    if (status == 200) {
      return response;
    }
    if (status == 401) {
      throw new SpotifyWebApiException(
          Kind.UNAUTHORIZED, "Spotify did not accept the access token (HTTP 401).", status, null);
    }
    if (status == 403) {
      throw new SpotifyWebApiException(
          Kind.FORBIDDEN,
          "Spotify refused access to this user (HTTP 403). In development mode, the Spotify user"
              + " must be added under User Management in the app's developer dashboard.",
          status,
          null);
    }
    if (status == 429) {
      throw unavailable("it asked to slow down (HTTP 429)", status, retryAfter(response));
    }
    if (status >= 500) {
      throw unavailable("it answered HTTP " + status, status, null);
    }
    throw new SpotifyWebApiException(
        Kind.UNEXPECTED,
        "Spotify's Web API gave an unexpected answer: HTTP " + status + ".",
        status,
        null);
  }

  private static JSONObject json(HttpResponse<String> response) throws SpotifyWebApiException {
    try {
      return JSONObjectUtils.parse(response.body());
    } catch (ParseException e) {
      // The cause is dropped: its message may quote the body.
      throw unavailable("its answer could not be read", response.statusCode(), null);
    }
  }

  private static SpotifyWebApiException unavailable(
      String reason, int status, Duration retryAfter) {
    return new SpotifyWebApiException(
        Kind.UNAVAILABLE,
        "Spotify's Web API is unavailable: " + reason + ". Try again later.",
        status,
        retryAfter);
  }

  private static Duration retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(String::strip)
        .filter(v -> SECONDS.matcher(v).matches())
        .map(v -> Duration.ofSeconds(Long.parseLong(v)))
        .orElse(null);
  }

  @Override
  public String toString() {
    return "SpotifyWebApi[" + base + "]";
  }
}
