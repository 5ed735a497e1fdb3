package dev.marquee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void rollingWindowAnswers429WithRetryAfterUntilTheOldestCallLeaves() {
    try (SandboxHarness harness = new SandboxHarness(builder -> builder.callsPer30s(3))) {
      String token = harness.connect().accessToken();

      harness.currentlyPlaying(token);
      harness.clock.advance(Duration.ofSeconds(10));
      harness.currentlyPlaying(token);
      harness.get("/v1/me", token);

      HttpResponse<String> limited = harness.currentlyPlaying(token);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("20");
      assertThat(SandboxHarness.json(limited).get("error").get("status").asInt()).isEqualTo(429);

      harness.clock.advance(Duration.ofSeconds(19));
      assertThat(harness.currentlyPlaying(token).headers().firstValue("Retry-After")).hasValue("1");

      harness.clock.advance(Duration.ofSeconds(1));
      assertThat(harness.currentlyPlaying(token).statusCode()).isEqualTo(200);
      assertThat(harness.currentlyPlaying(token).statusCode()).isEqualTo(429);
    }
  }

  @Test
  void budgetIsPerApp() {
    try (SandboxHarness harness = new SandboxHarness(builder -> builder.callsPer30s(1))) {
      String token = harness.connect().accessToken();
      harness.sandbox.registerApp(
          "second-app", "second-secret", List.of(URI.create(SandboxHarness.REDIRECT_URI)));
      String otherAppToken =
          SandboxHarness.json(
                  harness.tokenWithBasic(
                      Map.of("grant_type", "client_credentials"), "second-app", "second-secret"))
              .get("access_token")
              .asText();

      assertThat(harness.currentlyPlaying(token).statusCode()).isEqualTo(200);
      assertThat(harness.currentlyPlaying(token).statusCode()).isEqualTo(429);
      // The other app's call is admitted (and then refused for lack of a user scope).
      assertThat(harness.currentlyPlaying(otherAppToken).statusCode()).isEqualTo(403);
    }
  }
}
