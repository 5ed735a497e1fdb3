package dev.marquee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void concurrentPollersRefreshesAndPlaybackChangesAllSucceedAndAreCounted() throws Exception {
    try (SandboxHarness harness = new SandboxHarness()) {
      SandboxHarness.Tokens tokens = harness.connect();
      int pollers = 8;
      int callsEach = 40;
      ExecutorService pool = Executors.newFixedThreadPool(pollers + 1);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < pollers; i++) {
          results.add(
              pool.submit(
                  () -> {
                    int ok = 0;
                    for (int call = 0; call < callsEach; call++) {
                      int status = harness.currentlyPlaying(tokens.accessToken()).statusCode();
                      ok += status == 200 ? 1 : 0;
                    }
                    return ok;
                  }));
        }
        Future<?> driver =
            pool.submit(
                () -> {
                  for (int step = 0; step < 50; step++) {
                    harness.clock.advance(Duration.ofSeconds(20));
                    harness.sandbox.player(SandboxHarness.USER).skip();
                    assertThat(harness.refresh(tokens.refreshToken()).statusCode()).isEqualTo(200);
                  }
                });
        driver.get();
        for (Future<Integer> result : results) {
          assertThat(result.get()).isEqualTo(callsEach);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(harness.sandbox.counters().calls("alice", Endpoints.CURRENTLY_PLAYING))
          .isEqualTo((long) pollers * callsEach);
      assertThat(harness.sandbox.counters().calls("alice", Endpoints.TOKEN)).isEqualTo(51);
    }
  }
}
