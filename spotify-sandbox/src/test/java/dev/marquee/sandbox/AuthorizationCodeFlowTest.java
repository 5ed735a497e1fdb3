package dev.marquee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.sandbox.SandboxHarness.Verifier;
import dev.marquee.sandbox.accounts.AuthorizationPageException;
import dev.marquee.sandbox.accounts.Pkce;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthorizationCodeFlowTest {

  private final SandboxHarness harness = new SandboxHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void pkceHappyPathGivesTokensThatReadProfileAndPlayback() {
    SandboxHarness.Tokens tokens = harness.connect();

    JsonNode token = tokens.response();
    assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.get("expires_in").asInt()).isEqualTo(3600);
    assertThat(token.get("scope").asText().split(" "))
        .containsExactlyInAnyOrder(SandboxHarness.PLAYBACK_SCOPES.split(" "));
    assertThat(tokens.refreshToken()).isNotBlank();

    HttpResponse<String> me = harness.get("/v1/me", tokens.accessToken());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode user = SandboxHarness.json(me);
    assertThat(user.get("id").asText()).isEqualTo("alice");
    assertThat(user.get("display_name").asText()).isEqualTo("Alice");
    assertThat(user.get("email").asText()).isEqualTo("alice@example.com");
    assertThat(user.get("country").asText()).isEqualTo("SE");
    assertThat(user.get("product").asText()).isEqualTo("premium");
    assertThat(user.get("type").asText()).isEqualTo("user");
    assertThat(user.get("uri").asText()).isEqualTo("spotify:user:alice");
    assertThat(user.get("href").asText()).startsWith(harness.base().toString());
    assertThat(user.get("external_urls").get("spotify").asText()).contains("alice");
    assertThat(user.get("followers").get("total").asInt()).isZero();
    assertThat(user.get("images").isArray()).isTrue();

    HttpResponse<String> playing = harness.currentlyPlaying(tokens.accessToken());
    assertThat(playing.statusCode()).isEqualTo(200);
    JsonNode state = SandboxHarness.json(playing);
    assertThat(state.get("is_playing").asBoolean()).isTrue();
    assertThat(state.get("currently_playing_type").asText()).isEqualTo("track");
    assertThat(state.get("progress_ms").asLong()).isZero();
    assertThat(state.get("timestamp").asLong()).isEqualTo(harness.clock.instant().toEpochMilli());
    assertThat(state.get("context").get("type").asText()).isEqualTo("playlist");
    assertThat(state.has("actions")).isTrue();

    JsonNode item = state.get("item");
    assertThat(item.get("type").asText()).isEqualTo("track");
    assertThat(item.get("name").asText()).isEqualTo("Alpha Song");
    assertThat(item.get("id").asText()).hasSize(22);
    assertThat(item.get("uri").asText()).isEqualTo("spotify:track:" + item.get("id").asText());
    assertThat(item.get("duration_ms").asLong()).isEqualTo(180_000);
    assertThat(item.get("explicit").isBoolean()).isTrue();
    assertThat(item.get("popularity").asInt()).isBetween(0, 100);
    assertThat(item.get("external_urls").get("spotify").asText())
        .startsWith("https://open.spotify.com/track/");
    assertThat(item.get("artists").get(0).get("name").asText()).isEqualTo("Artist A");
    JsonNode album = item.get("album");
    assertThat(album.get("name").asText()).isEqualTo("Album A");
    List<Integer> sizes = new ArrayList<>();
    for (JsonNode image : album.get("images")) {
      assertThat(image.get("width").asInt()).isEqualTo(image.get("height").asInt());
      assertThat(image.get("url").asText())
          .startsWith(harness.base() + "/images/")
          .endsWith("-" + image.get("width").asInt() + ".png");
      sizes.add(image.get("width").asInt());
    }
    assertThat(sizes).containsExactly(640, 300, 64);
  }

  @Test
  void s256MatchesTheRfc7636Example() {
    assertThat(Pkce.s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void wrongCodeVerifierIsRejected() {
    Verifier verifier = SandboxHarness.newVerifier();
    String code = harness.approveForCode(verifier);

    HttpResponse<String> response =
        harness.token(codeExchange(code, SandboxHarness.newVerifier().verifier()));

    assertOAuthError(response, 400, "invalid_grant");
    assertThat(SandboxHarness.json(response).get("error_description").asText())
        .isEqualTo("code_verifier was incorrect");
  }

  @Test
  void missingCodeVerifierIsRejectedForAPkceCode() {
    String code = harness.approveForCode(SandboxHarness.newVerifier());
    Map<String, String> form = new HashMap<>(codeExchange(code, "x"));
    form.remove("code_verifier");

    assertOAuthError(harness.token(form), 400, "invalid_request");
  }

  @Test
  void reusedCodeIsRejectedAndRevokesTheTokensIssuedFromIt() {
    Verifier verifier = SandboxHarness.newVerifier();
    String code = harness.approveForCode(verifier);
    JsonNode first = SandboxHarness.json(harness.token(codeExchange(code, verifier.verifier())));
    String accessToken = first.get("access_token").asText();
    assertThat(harness.get("/v1/me", accessToken).statusCode()).isEqualTo(200);

    HttpResponse<String> second = harness.token(codeExchange(code, verifier.verifier()));

    assertOAuthError(second, 400, "invalid_grant");
    assertThat(harness.get("/v1/me", accessToken).statusCode()).isEqualTo(401);
    HttpResponse<String> refresh = harness.refresh(first.get("refresh_token").asText());
    assertOAuthError(refresh, 400, "invalid_grant");
  }

  @Test
  void codeExpiresAfterTenMinutes() {
    Verifier verifier = SandboxHarness.newVerifier();
    String code = harness.approveForCode(verifier);

    harness.clock.advance(Duration.ofMinutes(10));

    HttpResponse<String> response = harness.token(codeExchange(code, verifier.verifier()));
    assertOAuthError(response, 400, "invalid_grant");
    assertThat(SandboxHarness.json(response).get("error_description").asText())
        .isEqualTo("Authorization code expired");
  }

  @Test
  void codeIsStillValidJustBeforeTenMinutes() {
    Verifier verifier = SandboxHarness.newVerifier();
    String code = harness.approveForCode(verifier);

    harness.clock.advance(Duration.ofMinutes(10).minusSeconds(1));

    assertThat(harness.token(codeExchange(code, verifier.verifier())).statusCode()).isEqualTo(200);
  }

  @Test
  void tokenRequestMustRepeatTheRedirectUri() {
    Verifier verifier = SandboxHarness.newVerifier();
    String code = harness.approveForCode(verifier);
    Map<String, String> form = new HashMap<>(codeExchange(code, verifier.verifier()));
    form.put("redirect_uri", "http://127.0.0.1:9999/other");

    assertOAuthError(harness.token(form), 400, "invalid_grant");
  }

  @Test
  void authorizeRefusesUnregisteredRedirectUriWithAnErrorPage() {
    URI uri =
        harness.authorizeUri(
            SandboxHarness.newVerifier().challenge(),
            Map.of("redirect_uri", "https://evil.example/callback"));

    HttpResponse<String> page = harness.send(HttpRequest.newBuilder(uri).GET().build());

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    assertThat(page.body()).contains("INVALID_CLIENT: Invalid redirect URI");
    assertThatThrownBy(() -> harness.sandbox.approve(uri, "alice"))
        .isInstanceOf(AuthorizationPageException.class)
        .hasMessage("INVALID_CLIENT: Invalid redirect URI");
  }

  @Test
  void authorizeRefusesUnknownClientWithAnErrorPage() {
    URI uri =
        harness.authorizeUri(
            SandboxHarness.newVerifier().challenge(), Map.of("client_id", "nobody"));

    HttpResponse<String> page = harness.send(HttpRequest.newBuilder(uri).GET().build());

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("INVALID_CLIENT: Invalid client");
  }

  @Test
  void authorizeRedirectsWithErrorsTheAppCanHandle() {
    String challenge = SandboxHarness.newVerifier().challenge();

    assertThat(errorOf(Map.of("response_type", "token"))).isEqualTo("unsupported_response_type");
    assertThat(errorOf(Map.of("code_challenge_method", "plain"))).isEqualTo("invalid_request");
    Map<String, String> noChallenge = new HashMap<>();
    noChallenge.put("code_challenge", null);
    assertThat(errorOf(noChallenge)).isEqualTo("invalid_request");
    assertThat(errorOf(Map.of("scope", "user-read-everything"))).isEqualTo("invalid_scope");
    assertThat(challenge).hasSize(43);
  }

  private String errorOf(Map<String, String> overrides) {
    URI location =
        harness.sandbox.approve(
            harness.authorizeUri(SandboxHarness.newVerifier().challenge(), overrides), "alice");
    assertThat(location.toString()).startsWith(SandboxHarness.REDIRECT_URI + "?");
    Map<String, String> query = SandboxHarness.query(location);
    assertThat(query).containsEntry("state", "state-123").doesNotContainKey("code");
    return query.get("error");
  }

  @Test
  void denyRedirectsWithAccessDenied() {
    URI location =
        harness.sandbox.deny(harness.authorizeUri(SandboxHarness.newVerifier().challenge()));

    assertThat(SandboxHarness.query(location))
        .containsEntry("error", "access_denied")
        .containsEntry("state", "state-123");
  }

  @Test
  void consentPageApprovesThroughTheServerSidePendingRequest() {
    Verifier verifier = SandboxHarness.newVerifier();
    HttpResponse<String> page =
        harness.send(
            HttpRequest.newBuilder(harness.authorizeUri(verifier.challenge())).GET().build());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("test-app").contains("user-read-currently-playing");
    assertThat(page.body()).contains("value=\"alice\"");
    Matcher pending = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(pending.find()).isTrue();

    HttpResponse<String> decision =
        harness.send(
            HttpRequest.newBuilder(harness.base().resolve("/authorize/decision"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        SandboxHarness.form(
                            Map.of(
                                "pending", pending.group(1),
                                "user", "alice",
                                "decision", "approve",
                                // Hidden fields cannot redirect the code elsewhere.
                                "redirect_uri", "https://evil.example/"))))
                .build());

    assertThat(decision.statusCode()).isEqualTo(302);
    URI location = URI.create(decision.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(SandboxHarness.REDIRECT_URI + "?code=");
    String code = SandboxHarness.query(location).get("code");
    assertThat(harness.token(codeExchange(code, verifier.verifier())).statusCode()).isEqualTo(200);

    HttpResponse<String> replay = harness.decide(pending.group(1), "alice", "approve");
    assertThat(replay.statusCode()).isEqualTo(400);
  }

  @Test
  void consentPageEscapesWhatItRenders() {
    harness.sandbox.createUser("mallory", "<script>alert(1)</script>");
    HttpResponse<String> page =
        harness.send(
            HttpRequest.newBuilder(
                    harness.authorizeUri(
                        SandboxHarness.newVerifier().challenge(), Map.of("state", "\"><b>x")))
                .GET()
                .build());

    assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
    assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void confidentialClientWithoutPkceAuthenticatesWithBasic() {
    URI uri =
        harness.authorizeUri(
            "unused", mapWithNulls("code_challenge", null, "code_challenge_method", null));
    String code = SandboxHarness.query(harness.sandbox.approve(uri, "alice")).get("code");
    Map<String, String> form =
        Map.of(
            "grant_type",
            "authorization_code",
            "code",
            code,
            "redirect_uri",
            SandboxHarness.REDIRECT_URI);

    HttpResponse<String> response =
        harness.tokenWithBasic(form, SandboxHarness.CLIENT_ID, SandboxHarness.CLIENT_SECRET);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void codeWithoutPkceNeedsTheClientSecret() {
    URI uri =
        harness.authorizeUri(
            "unused", mapWithNulls("code_challenge", null, "code_challenge_method", null));
    String code = SandboxHarness.query(harness.sandbox.approve(uri, "alice")).get("code");

    HttpResponse<String> response =
        harness.token(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                SandboxHarness.REDIRECT_URI,
                "client_id",
                SandboxHarness.CLIENT_ID));

    assertOAuthError(response, 400, "invalid_client");
  }

  @Test
  void wrongSecretWithBasicIs401InvalidClientWithoutEchoingTheSecret() {
    HttpResponse<String> response =
        harness.tokenWithBasic(
            Map.of("grant_type", "client_credentials"),
            SandboxHarness.CLIENT_ID,
            "wrong-secret-xyz");

    assertOAuthError(response, 401, "invalid_client");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(response.body()).doesNotContain("wrong-secret-xyz");
  }

  @Test
  void wrongSecretInTheBodyIs400InvalidClient() {
    HttpResponse<String> response =
        harness.token(
            Map.of(
                "grant_type", "client_credentials",
                "client_id", SandboxHarness.CLIENT_ID,
                "client_secret", "wrong-secret-xyz"));

    assertOAuthError(response, 400, "invalid_client");
    assertThat(response.body()).doesNotContain("wrong-secret-xyz");
  }

  @Test
  void unknownClientIsInvalidClient() {
    assertOAuthError(
        harness.tokenWithBasic(Map.of("grant_type", "client_credentials"), "nobody", "secret"),
        401,
        "invalid_client");
    assertOAuthError(
        harness.token(
            Map.of(
                "grant_type", "client_credentials", "client_id", "nobody", "client_secret", "x")),
        400,
        "invalid_client");
  }

  @Test
  void codeIssuedToAnotherClientIsInvalidGrant() {
    harness.sandbox.registerApp(
        "other-app", "other-secret", List.of(URI.create(SandboxHarness.REDIRECT_URI)));
    Verifier verifier = SandboxHarness.newVerifier();
    String code = harness.approveForCode(verifier);
    Map<String, String> form = new HashMap<>(codeExchange(code, verifier.verifier()));
    form.remove("client_id");

    assertOAuthError(
        harness.tokenWithBasic(form, "other-app", "other-secret"), 400, "invalid_grant");
  }

  @Test
  void malformedTokenRequestsGetRfc6749Errors() {
    assertOAuthError(
        harness.token(Map.of("client_id", SandboxHarness.CLIENT_ID)), 400, "invalid_request");
    assertOAuthError(
        harness.tokenWithBasic(
            Map.of("grant_type", "password"),
            SandboxHarness.CLIENT_ID,
            SandboxHarness.CLIENT_SECRET),
        400,
        "unsupported_grant_type");
    assertOAuthError(
        harness.token(
            Map.of("grant_type", "authorization_code", "client_id", SandboxHarness.CLIENT_ID)),
        400,
        "invalid_request");
  }

  @Test
  void redirectUriRegistrationFollowsSpotifyRules() {
    assertThatThrownBy(
            () ->
                harness.sandbox.registerApp(
                    "a1", "s", List.of(URI.create("http://localhost:8080/cb"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("localhost");
    assertThatThrownBy(
            () ->
                harness.sandbox.registerApp(
                    "a2", "s", List.of(URI.create("http://example.com/cb"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTPS");
    harness.sandbox.registerApp("a3", "s", List.of(URI.create("https://marquee.example/cb")));
    harness.sandbox.registerApp("a4", "s", List.of(URI.create("http://[::1]:8080/cb")));
  }

  @Test
  void loopbackRedirectUriRegisteredWithoutPortAcceptsAnyPort() {
    harness.sandbox.registerApp("cli-app", "s", List.of(URI.create("http://127.0.0.1/cb")));
    URI uri =
        harness.authorizeUri(
            SandboxHarness.newVerifier().challenge(),
            Map.of("client_id", "cli-app", "redirect_uri", "http://127.0.0.1:51234/cb"));

    URI location = harness.sandbox.approve(uri, "alice");

    assertThat(location.toString()).startsWith("http://127.0.0.1:51234/cb?code=");
  }

  private static Map<String, String> codeExchange(String code, String verifier) {
    return Map.of(
        "grant_type",
        "authorization_code",
        "code",
        code,
        "redirect_uri",
        SandboxHarness.REDIRECT_URI,
        "client_id",
        SandboxHarness.CLIENT_ID,
        "code_verifier",
        verifier);
  }

  private static Map<String, String> mapWithNulls(String... keysAndValues) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static void assertOAuthError(HttpResponse<String> response, int status, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode body = SandboxHarness.json(response);
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("error_description").asText()).isNotBlank();
  }
}
