package dev.marquee.polling.control;

import java.time.Duration;
import java.util.List;

/** The defaults with one or two settings changed, for tests. */
final class SettingsBuilder {

  private static final PollSettings D = PollSettings.defaults();

  private Duration baseInterval = D.baseInterval();
  private Duration trackEndGrace = D.trackEndGrace();
  private List<Duration> idleSteps = D.idleSteps();
  private Duration errorBackoffBase = D.errorBackoffBase();
  private Duration errorBackoffCap = D.errorBackoffCap();
  private double jitter = D.jitter();
  private Duration retryAfterCap = D.retryAfterCap();
  private Duration minimumGap = D.minimumGap();

  static SettingsBuilder defaults() {
    return new SettingsBuilder();
  }

  SettingsBuilder baseInterval(Duration value) {
    baseInterval = value;
    return this;
  }

  SettingsBuilder trackEndGrace(Duration value) {
    trackEndGrace = value;
    return this;
  }

  SettingsBuilder idleSteps(List<Duration> value) {
    idleSteps = value;
    return this;
  }

  SettingsBuilder errorBackoffBase(Duration value) {
    errorBackoffBase = value;
    return this;
  }

  SettingsBuilder errorBackoffCap(Duration value) {
    errorBackoffCap = value;
    return this;
  }

  SettingsBuilder jitter(double value) {
    jitter = value;
    return this;
  }

  SettingsBuilder retryAfterCap(Duration value) {
    retryAfterCap = value;
    return this;
  }

  SettingsBuilder minimumGap(Duration value) {
    minimumGap = value;
    return this;
  }

  PollSettings build() {
    return new PollSettings(
        baseInterval,
        trackEndGrace,
        idleSteps,
        errorBackoffBase,
        errorBackoffCap,
        jitter,
        retryAfterCap,
        minimumGap);
  }
}
