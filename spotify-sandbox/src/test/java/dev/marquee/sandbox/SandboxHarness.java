package dev.marquee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.sandbox.playback.Episode;
import dev.marquee.sandbox.playback.PlayableItem;
import dev.marquee.sandbox.playback.Show;
import dev.marquee.sandbox.playback.Track;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A started sandbox on an ephemeral port with a controllable clock, one registered app and one user
 * ("alice") playing a known queue, plus an HTTP client that speaks to it like Marquee would.
 */
final class SandboxHarness implements AutoCloseable {

  static final String CLIENT_ID = "test-app";
  static final String CLIENT_SECRET = "test-secret-value";
  static final String REDIRECT_URI = "http://127.0.0.1:9999/callback";
  static final String USER = "alice";
  static final String PLAYBACK_SCOPES =
      "user-read-currently-playing user-read-playback-state user-read-private user-read-email";

  static final Track FIRST_TRACK =
      Track.of("Alpha Song", "Artist A", "Album A", "2020-01-01", Duration.ofMinutes(3));
  static final Episode EPISODE =
      Episode.of(
          "Pod Episode 1",
          Show.of("Pod Show", "Pod Publisher", "A show", 10),
          "An episode",
          "2024-01-01",
          Duration.ofMinutes(30));
  static final Track LAST_TRACK =
      Track.of("Beta Song", "Artist B", "Album B", "2021-01-01", Duration.ofMinutes(4));
  static final List<PlayableItem> QUEUE = List.of(FIRST_TRACK, EPISODE, LAST_TRACK);

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

  final SandboxClock clock;
  final SpotifySandbox sandbox;
  final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  SandboxHarness() {
    this(builder -> {});
  }

  SandboxHarness(Consumer<SpotifySandbox.Builder> customizer) {
    this(new SandboxClock(START), customizer);
  }

  /** A harness whose clock starts elsewhere, e.g. a restarted sandbox some time later. */
  SandboxHarness(SandboxClock clock, Consumer<SpotifySandbox.Builder> customizer) {
    this.clock = clock;
    SpotifySandbox.Builder builder = SpotifySandbox.builder().port(0).clock(clock);
    customizer.accept(builder);
    sandbox = builder.build();
    sandbox.registerApp(CLIENT_ID, CLIENT_SECRET, List.of(URI.create(REDIRECT_URI)));
    sandbox.createUser(USER, "Alice").player().setQueue(QUEUE);
    try {
      sandbox.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    sandbox.close();
  }

  URI base() {
    return sandbox.baseUri();
  }

  // ---- PKCE and the authorize step ----

  record Verifier(String verifier, String challenge) {}

  /** A fresh verifier and its S256 challenge, computed here independently of the sandbox. */
  static Verifier newVerifier() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    return new Verifier(verifier, s256(verifier));
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An authorize URL with sensible defaults; entries in {@code overrides} replace or remove. */
  URI authorizeUri(String challenge, Map<String, String> overrides) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", CLIENT_ID);
    params.put("response_type", "code");
    params.put("redirect_uri", REDIRECT_URI);
    params.put("state", "state-123");
    params.put("scope", PLAYBACK_SCOPES);
    params.put("code_challenge_method", "S256");
    params.put("code_challenge", challenge);
    params.putAll(overrides);
    params.values().removeIf(value -> value == null);
    return URI.create(base() + "/authorize?" + form(params));
  }

  URI authorizeUri(String challenge) {
    return authorizeUri(challenge, Map.of());
  }

  /** Approves as {@link #USER} and returns the code from the redirect. */
  String approveForCode(Verifier verifier) {
    URI location = sandbox.approve(authorizeUri(verifier.challenge()), USER);
    Map<String, String> query = query(location);
    assertThat(query).containsEntry("state", "state-123").containsKey("code");
    return query.get("code");
  }

  /** Posts the consent page's form, as the browser does when the user answers it. */
  HttpResponse<String> decide(String pending, String user, String decision) {
    return send(
        HttpRequest.newBuilder(base().resolve("/authorize/decision"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    form(Map.of("pending", pending, "user", user, "decision", decision))))
            .build());
  }

  record Tokens(String accessToken, String refreshToken, JsonNode response) {}

  /** The whole PKCE flow for {@link #USER}, as a public client. */
  Tokens connect() {
    Verifier verifier = newVerifier();
    String code = approveForCode(verifier);
    HttpResponse<String> response =
        token(
            Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", REDIRECT_URI,
                "client_id", CLIENT_ID,
                "code_verifier", verifier.verifier()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode json = json(response);
    return new Tokens(json.get("access_token").asText(), json.get("refresh_token").asText(), json);
  }

  // ---- HTTP ----

  HttpResponse<String> token(Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(base().resolve("/api/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)))
            .build());
  }

  HttpResponse<String> tokenWithBasic(Map<String, String> form, String clientId, String secret) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(base().resolve("/api/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Basic " + credentials)
            .POST(HttpRequest.BodyPublishers.ofString(form(form)))
            .build());
  }

  HttpResponse<String> refresh(String refreshToken) {
    return token(
        Map.of(
            "grant_type", "refresh_token",
            "refresh_token", refreshToken,
            "client_id", CLIENT_ID));
  }

  HttpResponse<String> get(String pathAndQuery, String accessToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET();
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    return send(request.build());
  }

  HttpResponse<String> currentlyPlaying(String accessToken) {
    return get("/v1/me/player/currently-playing?additional_types=track,episode", accessToken);
  }

  HttpResponse<String> control(String method, String pathAndQuery, Object jsonBody) {
    HttpRequest.BodyPublisher body =
        jsonBody == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(writeJson(jsonBody));
    return send(
        HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
            .header("Content-Type", "application/json")
            .method(method, body)
            .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- JSON and URL helpers ----

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + response.body(), e);
    }
  }

  static String writeJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      values.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
