package dev.marquee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.sandbox.faults.Fault;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultInjectionTest {

  private SandboxHarness harness;
  private SandboxHarness.Tokens tokens;

  @BeforeEach
  void connect() {
    harness = new SandboxHarness();
    tokens = harness.connect();
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void plainTextTooManyRequestsWithRetryAfterStopsAfterNCalls() {
    harness.sandbox.injectFault(Fault.tooManyRequests(Duration.ofSeconds(30)).times(2));

    for (int call = 0; call < 2; call++) {
      HttpResponse<String> response = harness.currentlyPlaying(tokens.accessToken());
      assertThat(response.statusCode()).isEqualTo(429);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      assertThat(response.body()).isEqualTo("Too many requests");
    }
    assertThat(harness.currentlyPlaying(tokens.accessToken()).statusCode()).isEqualTo(200);
    assertThat(harness.sandbox.faults().pending()).isEmpty();
  }

  @Test
  void quotaExceededIsJsonWithReasonAndLongRetryAfter() {
    harness.sandbox.injectFault(Fault.quotaExceeded(Duration.ofHours(4)));

    HttpResponse<String> response = harness.currentlyPlaying(tokens.accessToken());

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("14400");
    JsonNode error = SandboxHarness.json(response).get("error");
    assertThat(error.get("status").asInt()).isEqualTo(429);
    assertThat(error.get("reason").asText()).isEqualTo("QUOTA_EXCEEDED");
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(harness.currentlyPlaying(tokens.accessToken()).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void serverErrorsUseSpotifyErrorJson(int status) {
    harness.sandbox.injectFault(Fault.serverError(status).times(3));

    for (int call = 0; call < 3; call++) {
      HttpResponse<String> response = harness.currentlyPlaying(tokens.accessToken());
      assertThat(response.statusCode()).isEqualTo(status);
      assertThat(SandboxHarness.json(response).get("error").get("status").asInt())
          .isEqualTo(status);
    }
    assertThat(harness.currentlyPlaying(tokens.accessToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void delayOutlastsAClientTimeoutThenAnswersNormally() {
    harness.sandbox.injectFault(Fault.delay(Duration.ofMillis(1500)));
    HttpRequest slowCall =
        HttpRequest.newBuilder(URI.create(harness.base() + "/v1/me/player/currently-playing"))
            .header("Authorization", "Bearer " + tokens.accessToken())
            .timeout(Duration.ofMillis(300))
            .build();

    assertThatThrownBy(() -> harness.http.send(slowCall, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(harness.currentlyPlaying(tokens.accessToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void malformedJsonIsATruncated200() {
    harness.sandbox.injectFault(Fault.malformedJson());

    HttpResponse<String> response = harness.currentlyPlaying(tokens.accessToken());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(response.body()).startsWith("{");
    assertThatThrownBy(() -> new ObjectMapper().readTree(response.body()))
        .isInstanceOf(JsonProcessingException.class);
    assertThat(SandboxHarness.json(harness.currentlyPlaying(tokens.accessToken())).has("item"))
        .isTrue();
  }

  @Test
  void faultsCanTargetOneUserOrOneEndpoint() {
    harness.sandbox.injectFault(Fault.serverError(503).onlyForUser("bob"));
    harness.sandbox.injectFault(Fault.serverError(500).onlyForEndpoint(Endpoints.ME));

    assertThat(harness.currentlyPlaying(tokens.accessToken()).statusCode()).isEqualTo(200);
    assertThat(harness.get("/v1/me", tokens.accessToken()).statusCode()).isEqualTo(500);
    assertThat(harness.get("/v1/me", tokens.accessToken()).statusCode()).isEqualTo(200);
    assertThat(harness.sandbox.faults().pending()).hasSize(1);
  }

  @Test
  void untargetedFaultsSpareTheTokenEndpointButTargetedOnesHitIt() {
    harness.sandbox.injectFault(Fault.serverError(503));
    assertThat(harness.refresh(tokens.refreshToken()).statusCode()).isEqualTo(200);
    assertThat(harness.currentlyPlaying(tokens.accessToken()).statusCode()).isEqualTo(503);

    harness.sandbox.injectFault(Fault.serverError(502).onlyForEndpoint(Endpoints.TOKEN));
    assertThat(harness.refresh(tokens.refreshToken()).statusCode()).isEqualTo(502);
    assertThat(harness.refresh(tokens.refreshToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void controlApiInjectsListsAndClearsFaults() {
    HttpResponse<String> created =
        harness.control(
            "POST",
            "/sandbox/faults",
            Map.of(
                "kind", "quota-exceeded",
                "count", 2,
                "user", "alice",
                "endpoint", "currently-playing",
                "retry_after_seconds", 60));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    HttpResponse<String> response = harness.currentlyPlaying(tokens.accessToken());
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("60");

    JsonNode pending = SandboxHarness.json(harness.control("GET", "/sandbox/faults", null));
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).get("kind").asText()).isEqualTo("quota-exceeded");
    assertThat(pending.get(0).get("remaining").asInt()).isEqualTo(1);

    assertThat(harness.control("DELETE", "/sandbox/faults", null).statusCode()).isEqualTo(204);
    assertThat(harness.currentlyPlaying(tokens.accessToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void controlApiAcceptsEveryFaultKind() {
    for (Map<String, Object> fault :
        List.<Map<String, Object>>of(
            Map.of("kind", "too-many-requests"),
            Map.of("kind", "server-error", "status", 502),
            Map.of("kind", "delay", "delay_ms", 10),
            Map.of("kind", "malformed-json"))) {
      assertThat(harness.control("POST", "/sandbox/faults", fault).statusCode()).isEqualTo(201);
    }
    assertThat(harness.control("POST", "/sandbox/faults", Map.of("kind", "meteor")).statusCode())
        .isEqualTo(400);
    assertThat(
            harness
                .control(
                    "POST",
                    "/sandbox/faults",
                    Map.of("kind", "malformed-json", "endpoint", "currently_playing"))
                .statusCode())
        .isEqualTo(400);
    assertThat(harness.sandbox.faults().pending()).hasSize(4);
  }
}
