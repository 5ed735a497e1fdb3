package dev.marquee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.sandbox.faults.Fault;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountersTest {

  @Test
  void everyCallIsCountedPerUserAndEndpointIncludingFailures() {
    try (SandboxHarness harness = new SandboxHarness()) {
      SandboxHarness.Tokens tokens = harness.connect();
      harness.sandbox.injectFault(Fault.serverError(500));

      harness.currentlyPlaying(tokens.accessToken());
      harness.currentlyPlaying(tokens.accessToken());
      harness.get("/v1/me", tokens.accessToken());
      harness.refresh(tokens.refreshToken());
      harness.currentlyPlaying("BQunknown");
      harness.currentlyPlaying(null);

      CallCounters counters = harness.sandbox.counters();
      assertThat(counters.calls("alice", Endpoints.CURRENTLY_PLAYING)).isEqualTo(2);
      assertThat(counters.calls("alice", Endpoints.ME)).isEqualTo(1);
      assertThat(counters.calls("alice", Endpoints.TOKEN)).isEqualTo(2);
      assertThat(counters.calls(CallCounters.ANONYMOUS, Endpoints.CURRENTLY_PLAYING)).isEqualTo(2);
      assertThat(counters.calls(Endpoints.CURRENTLY_PLAYING)).isEqualTo(4);

      JsonNode json = SandboxHarness.json(harness.control("GET", "/sandbox/counters", null));
      assertThat(json.get("users").get("alice").get("currently-playing").asLong()).isEqualTo(2);
      assertThat(json.get("totals").get("currently-playing").asLong()).isEqualTo(4);

      assertThat(harness.control("DELETE", "/sandbox/counters", null).statusCode()).isEqualTo(204);
      assertThat(counters.calls(Endpoints.CURRENTLY_PLAYING)).isZero();
      assertThat(
              SandboxHarness.json(harness.control("GET", "/sandbox/counters", null)).get("users"))
          .isEmpty();
    }
  }

  @Test
  void eachCallsTimeIsLoggedOnTheSandboxClockAndResetWithTheCounts() {
    try (SandboxHarness harness = new SandboxHarness()) {
      SandboxHarness.Tokens tokens = harness.connect();
      Instant first = harness.clock.instant();
      harness.currentlyPlaying(tokens.accessToken());
      harness.clock.advance(Duration.ofSeconds(15));
      harness.currentlyPlaying(tokens.accessToken());

      assertThat(harness.sandbox.counters().times("alice", Endpoints.CURRENTLY_PLAYING))
          .containsExactly(first, first.plusSeconds(15));
      JsonNode log =
          SandboxHarness.json(
              harness.control("GET", "/sandbox/counters/alice/currently-playing", null));
      assertThat(log.get("count").asLong()).isEqualTo(2);
      assertThat(log.get("times").get(1).asText()).isEqualTo(first.plusSeconds(15).toString());
      assertThat(
              SandboxHarness.json(harness.control("GET", "/sandbox/counters/bob/me", null))
                  .get("times"))
          .isEmpty();
      assertThat(harness.control("POST", "/sandbox/counters/alice/me", null).statusCode())
          .isEqualTo(405);

      harness.control("DELETE", "/sandbox/counters", null);
      assertThat(harness.sandbox.counters().times("alice", Endpoints.CURRENTLY_PLAYING)).isEmpty();
    }
  }
}
