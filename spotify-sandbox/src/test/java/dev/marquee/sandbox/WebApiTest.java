package dev.marquee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.sandbox.playback.Player;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebApiTest {

  private SandboxHarness harness;
  private String accessToken;
  private Player player;

  @BeforeEach
  void connect() {
    harness = new SandboxHarness();
    accessToken = harness.connect().accessToken();
    player = harness.sandbox.player(SandboxHarness.USER);
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void expiredAccessTokenGets401WithSpotifyErrorJson() {
    try (SandboxHarness shortLived =
        new SandboxHarness(builder -> builder.accessTokenLifetime(Duration.ofSeconds(5)))) {
      SandboxHarness.Tokens tokens = shortLived.connect();
      assertThat(tokens.response().get("expires_in").asInt()).isEqualTo(5);
      shortLived.clock.advance(Duration.ofSeconds(4));
      assertThat(shortLived.get("/v1/me", tokens.accessToken()).statusCode()).isEqualTo(200);

      shortLived.clock.advance(Duration.ofSeconds(1));
      HttpResponse<String> response = shortLived.get("/v1/me", tokens.accessToken());

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/json");
      JsonNode error = SandboxHarness.json(response).get("error");
      assertThat(error.get("status").asInt()).isEqualTo(401);
      assertThat(error.get("message").asText()).isEqualTo("The access token expired");
      assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }
  }

  @Test
  void missingAndUnknownTokensGet401() {
    HttpResponse<String> missing = harness.get("/v1/me", null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(SandboxHarness.json(missing).get("error").get("message").asText())
        .isEqualTo("No token provided");

    HttpResponse<String> unknown = harness.get("/v1/me", "BQnot-a-token");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(SandboxHarness.json(unknown).get("error").get("message").asText())
        .isEqualTo("Invalid access token");
  }

  @Test
  void unknownPathsAndMethodsAnswerLikeSpotify() {
    HttpResponse<String> notFound = harness.get("/v1/me/nothing-here", accessToken);
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(SandboxHarness.json(notFound).get("error").get("status").asInt()).isEqualTo(404);

    HttpResponse<String> post =
        harness.send(
            HttpRequest.newBuilder(URI.create(harness.base() + "/v1/me"))
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void stoppedPlayerGives204WithEmptyBody() {
    player.stop();

    HttpResponse<String> response = harness.currentlyPlaying(accessToken);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(harness.get("/v1/me/player", accessToken).statusCode()).isEqualTo(204);
  }

  @Test
  void episodeIsReturnedWhenAdditionalTypesIncludesEpisode() {
    player.skip();

    JsonNode state = SandboxHarness.json(harness.currentlyPlaying(accessToken));

    assertThat(state.get("currently_playing_type").asText()).isEqualTo("episode");
    JsonNode item = state.get("item");
    assertThat(item.get("type").asText()).isEqualTo("episode");
    assertThat(item.get("name").asText()).isEqualTo("Pod Episode 1");
    assertThat(item.get("duration_ms").asLong()).isEqualTo(Duration.ofMinutes(30).toMillis());
    assertThat(item.get("show").get("name").asText()).isEqualTo("Pod Show");
    assertThat(item.get("show").get("publisher").asText()).isEqualTo("Pod Publisher");
    assertThat(item.get("images")).hasSize(3);
    assertThat(item.get("show").get("images").get(0).get("width").asInt()).isEqualTo(640);
    assertThat(item.get("uri").asText()).startsWith("spotify:episode:");
  }

  @Test
  void episodeWithoutAdditionalTypesGivesNullItem() {
    player.skip();

    HttpResponse<String> response = harness.get("/v1/me/player/currently-playing", accessToken);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode state = SandboxHarness.json(response);
    assertThat(state.get("currently_playing_type").asText()).isEqualTo("episode");
    assertThat(state.has("item")).isTrue();
    assertThat(state.get("item").isNull()).isTrue();
    assertThat(state.get("is_playing").asBoolean()).isTrue();
  }

  @Test
  void pauseStopsProgressAndPlayResumesIt() {
    harness.clock.advance(Duration.ofSeconds(20));
    player.pause();
    harness.clock.advance(Duration.ofSeconds(30));

    JsonNode paused = SandboxHarness.json(harness.currentlyPlaying(accessToken));
    assertThat(paused.get("is_playing").asBoolean()).isFalse();
    assertThat(paused.get("progress_ms").asLong()).isEqualTo(20_000);
    assertThat(paused.get("actions").get("disallows").get("pausing").asBoolean()).isTrue();

    player.play();
    harness.clock.advance(Duration.ofSeconds(2));
    JsonNode playing = SandboxHarness.json(harness.currentlyPlaying(accessToken));
    assertThat(playing.get("is_playing").asBoolean()).isTrue();
    assertThat(playing.get("progress_ms").asLong()).isEqualTo(22_000);
    assertThat(playing.get("actions").get("disallows").get("resuming").asBoolean()).isTrue();
    assertThat(playing.get("actions").get("disallows").has("pausing")).isFalse();
  }

  @Test
  void skipSeekAndPreviousChangeWhatIsReturned() {
    player.skip();
    player.skip();
    JsonNode skipped = SandboxHarness.json(harness.currentlyPlaying(accessToken));
    assertThat(skipped.get("item").get("name").asText()).isEqualTo("Beta Song");
    assertThat(skipped.get("timestamp").asLong()).isEqualTo(harness.clock.millis());

    player.seek(61_000);
    JsonNode seeked = SandboxHarness.json(harness.currentlyPlaying(accessToken));
    assertThat(seeked.get("progress_ms").asLong()).isEqualTo(61_000);

    player.previous();
    JsonNode previous = SandboxHarness.json(harness.currentlyPlaying(accessToken));
    assertThat(previous.get("item").get("name").asText()).isEqualTo("Pod Episode 1");
    assertThat(previous.get("progress_ms").asLong()).isZero();
  }

  @Test
  void trackAdvancesAutomaticallyWhenItEndsAndTheQueueLoops() {
    harness.clock.advance(Duration.ofMinutes(3).minusMillis(1));
    assertThat(nowPlayingName()).isEqualTo("Alpha Song");

    harness.clock.advance(Duration.ofMillis(1));
    JsonNode next = SandboxHarness.json(harness.currentlyPlaying(accessToken));
    assertThat(next.get("item").get("name").asText()).isEqualTo("Pod Episode 1");
    assertThat(next.get("progress_ms").asLong()).isZero();
    assertThat(next.get("timestamp").asLong()).isEqualTo(harness.clock.millis());

    // 30 min episode + 4 min track later the queue starts over, 5 s into the first track.
    harness.clock.advance(Duration.ofMinutes(34).plusSeconds(5));
    JsonNode looped = SandboxHarness.json(harness.currentlyPlaying(accessToken));
    assertThat(looped.get("item").get("name").asText()).isEqualTo("Alpha Song");
    assertThat(looped.get("progress_ms").asLong()).isEqualTo(5_000);
  }

  @Test
  void seekPastTheEndStartsTheNextItem() {
    player.seek(Duration.ofMinutes(5).toMillis());

    assertThat(nowPlayingName()).isEqualTo("Pod Episode 1");
  }

  @Test
  void currentlyPlayingNeedsAPlaybackScope() {
    SandboxHarness.Verifier verifier = SandboxHarness.newVerifier();
    URI location =
        harness.sandbox.approve(
            harness.authorizeUri(verifier.challenge(), Map.of("scope", "user-read-email")),
            SandboxHarness.USER);
    String code = SandboxHarness.query(location).get("code");
    String limitedToken =
        SandboxHarness.json(
                harness.token(
                    Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        SandboxHarness.REDIRECT_URI,
                        "client_id",
                        SandboxHarness.CLIENT_ID,
                        "code_verifier",
                        verifier.verifier())))
            .get("access_token")
            .asText();

    HttpResponse<String> response = harness.currentlyPlaying(limitedToken);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(SandboxHarness.json(response).get("error").get("message").asText())
        .isEqualTo("Insufficient client scope");
    JsonNode me = SandboxHarness.json(harness.get("/v1/me", limitedToken));
    assertThat(me.has("email")).isTrue();
    assertThat(me.has("country")).as("needs user-read-private").isFalse();
    assertThat(me.has("product")).isFalse();
  }

  @Test
  void marketSwitchesToTrackRelinkingFields() {
    JsonNode withoutMarket = SandboxHarness.json(harness.currentlyPlaying(accessToken)).get("item");
    assertThat(withoutMarket.has("available_markets")).isTrue();

    JsonNode withMarket =
        SandboxHarness.json(
                harness.get(
                    "/v1/me/player/currently-playing?market=SE&additional_types=episode",
                    accessToken))
            .get("item");
    assertThat(withMarket.has("available_markets")).isFalse();
    assertThat(withMarket.get("is_playable").asBoolean()).isTrue();

    assertThat(
            harness.get("/v1/me/player/currently-playing?market=sweden", accessToken).statusCode())
        .isEqualTo(400);
  }

  @Test
  void playbackStateAddsDeviceShuffleAndRepeat() {
    JsonNode state = SandboxHarness.json(harness.get("/v1/me/player", accessToken));

    assertThat(state.get("device").get("is_active").asBoolean()).isTrue();
    assertThat(state.get("shuffle_state").asBoolean()).isFalse();
    assertThat(state.get("repeat_state").asText()).isEqualTo("context");
    assertThat(state.get("item").get("name").asText()).isEqualTo("Alpha Song");
  }

  @Test
  void demoUsersAllPlayDifferentQueues() {
    try (SandboxHarness demo = new SandboxHarness(builder -> builder.demo(true))) {
      List<String> playing =
          demo.sandbox.users().stream()
              .filter(account -> account.id().startsWith("demo-"))
              .filter(account -> account.player().snapshot().isPlaying())
              .map(account -> account.player().snapshot().item().id())
              .distinct()
              .toList();
      assertThat(playing).hasSize(3);
      assertThat(demo.sandbox.clientIds()).contains(SpotifySandbox.DEMO_CLIENT_ID);
    }
  }

  private String nowPlayingName() {
    return SandboxHarness.json(harness.currentlyPlaying(accessToken))
        .get("item")
        .get("name")
        .asText();
  }
}
