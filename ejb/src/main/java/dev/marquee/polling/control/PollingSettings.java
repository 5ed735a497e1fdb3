package dev.marquee.polling.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every poller setting from MicroProfile Config, with the defaults docs/configuration.md lists. */
@ApplicationScoped
public class PollingSettings {

  @Inject
  @ConfigProperty(name = "marquee.polling.base-interval", defaultValue = "PT15S")
  Duration baseInterval;

  @Inject
  @ConfigProperty(name = "marquee.polling.track-end-grace", defaultValue = "PT0.5S")
  Duration trackEndGrace;

  @Inject
  @ConfigProperty(name = "marquee.polling.idle-steps", defaultValue = "PT30S,PT60S,PT120S")
  String idleSteps;

  @Inject
  @ConfigProperty(name = "marquee.polling.error-backoff", defaultValue = "PT5S")
  Duration errorBackoff;

  @Inject
  @ConfigProperty(name = "marquee.polling.error-backoff-cap", defaultValue = "PT5M")
  Duration errorBackoffCap;

  @Inject
  @ConfigProperty(name = "marquee.polling.jitter", defaultValue = "0.2")
  double jitter;

  @Inject
  @ConfigProperty(name = "marquee.polling.retry-after-cap", defaultValue = "PT1H")
  Duration retryAfterCap;

  @Inject
  @ConfigProperty(name = "marquee.polling.minimum-gap", defaultValue = "PT1S")
  Duration minimumGap;

  @Inject
  @ConfigProperty(name = "marquee.polling.heartbeat", defaultValue = "PT0.25S")
  Duration heartbeat;

  @Inject
  @ConfigProperty(name = "marquee.polling.lease", defaultValue = "PT45S")
  Duration lease;

  @Inject
  @ConfigProperty(name = "marquee.polling.max-in-flight", defaultValue = "32")
  int maxInFlight;

  @Inject
  @ConfigProperty(name = "marquee.polling.seek-tolerance", defaultValue = "PT3S")
  Duration seekTolerance;

  @Inject
  @ConfigProperty(name = "marquee.polling.stale-after", defaultValue = "PT1M")
  Duration staleAfter;

  @Inject
  @ConfigProperty(name = "marquee.polling.calls-per-30s-per-app", defaultValue = "150")
  int callsPer30sPerApp;

  @Inject
  @ConfigProperty(name = "marquee.polling.budget-reserved-for-playing", defaultValue = "0.5")
  double reservedForPlaying;

  private PollPolicy policy;

  /** Settings are read once: the policy is asked on every poll. */
  @PostConstruct
  void readPolicy() {
    policy =
        new PollPolicy(
            new PollSettings(
                baseInterval,
                trackEndGrace,
                parseSteps(idleSteps),
                errorBackoff,
                errorBackoffCap,
                jitter,
                retryAfterCap,
                minimumGap));
  }

  public PollPolicy pollPolicy() {
    return policy;
  }

  static List<Duration> parseSteps(String text) {
    return Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(Duration::parse)
        .toList();
  }

  public Duration heartbeat() {
    return heartbeat;
  }

  public Duration lease() {
    return lease;
  }

  public int maxInFlight() {
    return maxInFlight;
  }

  public Duration seekTolerance() {
    return seekTolerance;
  }

  public Duration staleAfter() {
    return staleAfter;
  }

  public int callsPer30sPerApp() {
    return callsPer30sPerApp;
  }

  public double reservedForPlaying() {
    return reservedForPlaying;
  }
}
