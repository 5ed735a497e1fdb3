package dev.marquee.polling.boundary;

import dev.marquee.polling.control.PlayerAnswer;
import dev.marquee.polling.entity.PollOutcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The poller's figures on {@code /metrics}: calls by outcome, refreshes after a 401, 429s by
 * reason, deferrals by the call budget, lateness of polls against their schedule, and accounts by
 * the outcome of their last poll (recounted by the heartbeat).
 */
@ApplicationScoped
public class PollMetrics {

  @Inject MetricRegistry registry;

  /** The latest recount; replaced whole, read by the gauges. */
  private volatile Map<PollOutcome, Long> accountsByOutcome = Map.of();

  @PostConstruct
  void registerGauges() {
    for (PollOutcome outcome : PollOutcome.values()) {
      registry.gauge(
          "marquee_accounts",
          () -> accountsByOutcome.getOrDefault(outcome, 0L),
          new Tag("last_poll", outcome.name().toLowerCase(Locale.ROOT)));
    }
  }

  void called(PlayerAnswer answer) {
    String outcome;
    if (answer instanceof PlayerAnswer.Seen seen) {
      outcome = seen.playback().playing() ? "playing" : "not_playing";
    } else if (answer instanceof PlayerAnswer.Unauthorized) {
      outcome = "unauthorized";
    } else if (answer instanceof PlayerAnswer.RateLimited) {
      outcome = "rate_limited";
    } else {
      outcome = "failed";
    }
    registry.counter("marquee_spotify_calls", new Tag("outcome", outcome)).inc();
    if (answer instanceof PlayerAnswer.RateLimited limited) {
      registry
          .counter(
              "marquee_spotify_rate_limited",
              new Tag("reason", limited.quotaExceeded() ? "quota_exceeded" : "rate_limit"))
          .inc();
    }
  }

  void refreshAfterUnauthorized() {
    registry.counter("marquee_spotify_refreshes_after_401").inc();
  }

  void deferred() {
    registry.counter("marquee_poll_deferred_by_budget").inc();
  }

  void lateness(Duration late) {
    registry.histogram("marquee_poll_lateness_ms").update(Math.max(0, late.toMillis()));
  }

  /** The latest count of accounts per last outcome. */
  void accounts(Map<PollOutcome, Long> counts) {
    accountsByOutcome = Map.copyOf(counts);
  }
}
