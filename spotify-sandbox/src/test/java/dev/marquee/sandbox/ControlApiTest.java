package dev.marquee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.sandbox.playback.DemoCatalog;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ControlApiTest {

  private final SandboxHarness harness = new SandboxHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void createUserWithACustomQueueAndDriveItsPlayback() {
    HttpResponse<String> created =
        harness.control(
            "POST",
            "/sandbox/users",
            Map.of(
                "id", "bob",
                "display_name", "Bob's Bakery",
                "country", "GB",
                "queue",
                    List.of(
                        Map.of(
                            "type", "track",
                            "name", "Morning Loaf",
                            "artist", "The Bakers",
                            "duration_ms", 200_000),
                        Map.of(
                            "type", "episode",
                            "name", "Sourdough Stories",
                            "show", "Crumb Talk",
                            "duration_ms", 1_800_000))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(SandboxHarness.json(created).get("playback").get("state").asText())
        .isEqualTo("playing");

    assertThat(action("bob", "pause").get("state").asText()).isEqualTo("paused");
    assertThat(action("bob", "play").get("is_playing").asBoolean()).isTrue();
    assertThat(action("bob", "skip").get("item").get("type").asText()).isEqualTo("episode");
    assertThat(action("bob", "previous").get("item").get("name").asText())
        .isEqualTo("Morning Loaf");
    assertThat(action("bob", "seek?position_ms=90000").get("progress_ms").asLong())
        .isEqualTo(90_000);
    assertThat(action("bob", "stop").get("state").asText()).isEqualTo("stopped");

    JsonNode playback =
        SandboxHarness.json(harness.control("GET", "/sandbox/users/bob/playback", null));
    assertThat(playback.get("state").asText()).isEqualTo("stopped");
  }

  @Test
  void queueCanBeSetFromTheDemoCatalog() {
    String japanese =
        DemoCatalog.SHOP.stream()
            .filter(item -> item.name().equals("真夜中のドライブ"))
            .findFirst()
            .orElseThrow()
            .id();

    HttpResponse<String> response =
        harness.control("PUT", "/sandbox/users/alice/queue", List.of(japanese));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(SandboxHarness.json(response).get("item").get("name").asText())
        .isEqualTo("真夜中のドライブ");
    String token = harness.connect().accessToken();
    assertThat(
            SandboxHarness.json(harness.currentlyPlaying(token)).get("item").get("name").asText())
        .isEqualTo("真夜中のドライブ");
  }

  @Test
  void clockAdvancesTheControllableClock() {
    HttpResponse<String> response =
        harness.control("POST", "/sandbox/clock/advance?ms=61000", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(harness.sandbox.player("alice").snapshot().progressMs()).isEqualTo(61_000);
    assertThat(SandboxHarness.json(response).get("controllable").asBoolean()).isTrue();
  }

  @Test
  void clockAdvanceIsRefusedOnTheRealClock() throws Exception {
    try (SpotifySandbox real = SpotifySandbox.builder().build().start()) {
      HttpResponse<String> response =
          harness.send(
              HttpRequest.newBuilder(real.baseUri().resolve("/sandbox/clock/advance?ms=1000"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(response.statusCode()).isEqualTo(409);
    }
  }

  @Test
  void authorizeShortcutReturnsTheRedirectLocation() {
    SandboxHarness.Verifier verifier = SandboxHarness.newVerifier();
    URI authorize = harness.authorizeUri(verifier.challenge());

    HttpResponse<String> approved =
        harness.send(
            HttpRequest.newBuilder(harness.base().resolve("/sandbox/authorize?user=alice"))
                .POST(HttpRequest.BodyPublishers.ofString(authorize.toString()))
                .build());

    assertThat(approved.statusCode()).isEqualTo(200);
    URI location = URI.create(SandboxHarness.json(approved).get("location").asText());
    assertThat(SandboxHarness.query(location))
        .containsKey("code")
        .containsEntry("state", "state-123");

    URI badClient =
        harness.authorizeUri(verifier.challenge(), Map.of("client_id", "unknown-client"));
    HttpResponse<String> refused =
        harness.send(
            HttpRequest.newBuilder(harness.base().resolve("/sandbox/authorize?user=alice"))
                .POST(HttpRequest.BodyPublishers.ofString(badClient.toString()))
                .build());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(SandboxHarness.json(refused).get("error").asText())
        .isEqualTo("INVALID_CLIENT: Invalid client");
  }

  @Test
  void appsCanBeRegisteredAndBadRedirectUrisAreRefused() {
    assertThat(
            harness
                .control(
                    "POST",
                    "/sandbox/apps",
                    Map.of(
                        "client_id", "ci-app",
                        "client_secret", "ci-secret",
                        "redirect_uris", List.of("https://ci.example/callback")))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> refused =
        harness.control(
            "POST",
            "/sandbox/apps",
            Map.of(
                "client_id", "bad-app",
                "client_secret", "s",
                "redirect_uris", List.of("http://localhost:8080/callback")));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("localhost").doesNotContain("\"s\"");
  }

  @Test
  void statusAndErrorsAreJson() {
    JsonNode status = SandboxHarness.json(harness.control("GET", "/sandbox/status", null));
    assertThat(status.get("base_uri").asText()).isEqualTo(harness.base().toString());
    assertThat(status.get("controllable_clock").asBoolean()).isTrue();
    assertThat(status.get("users").get(0).get("id").asText()).isEqualTo("alice");

    assertThat(harness.control("POST", "/sandbox/users/nobody/play", null).statusCode())
        .isEqualTo(404);
    assertThat(harness.control("POST", "/sandbox/users/alice/seek", null).statusCode())
        .isEqualTo(400);
    assertThat(harness.control("GET", "/sandbox/users/alice/play", null).statusCode())
        .isEqualTo(405);
    assertThat(harness.control("POST", "/sandbox/users", Map.of("id", "alice")).statusCode())
        .isEqualTo(400);
    assertThat(harness.control("GET", "/sandbox/nothing", null).statusCode()).isEqualTo(404);
  }

  private JsonNode action(String user, String action) {
    HttpResponse<String> response =
        harness.control("POST", "/sandbox/users/" + user + "/" + action, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return SandboxHarness.json(response);
  }
}
