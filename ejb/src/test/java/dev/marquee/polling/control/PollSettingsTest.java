package dev.marquee.polling.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollSettingsTest {

  private static final PollSettings D = PollSettings.defaults();

  @Test
  void theDefaultsAreTheDesignBriefs() {
    assertThat(D.baseInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(D.trackEndGrace()).isEqualTo(Duration.ofMillis(500));
    assertThat(D.idleSteps())
        .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120));
    assertThat(D.errorBackoffBase()).isEqualTo(Duration.ofSeconds(5));
    assertThat(D.errorBackoffCap()).isEqualTo(Duration.ofMinutes(5));
    assertThat(D.jitter()).isEqualTo(0.2);
    assertThat(D.retryAfterCap()).isEqualTo(Duration.ofHours(1));
    assertThat(D.minimumGap()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void rejectsZeroAndNegativeDurations() {
    for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
      assertRejected(() -> withBase(bad), "baseInterval");
      assertRejected(() -> SettingsBuilder.defaults().trackEndGrace(bad).build(), "trackEndGrace");
      assertRejected(() -> withSteps(List.of(Duration.ofSeconds(30), bad)), "idleSteps");
      assertRejected(
          () -> SettingsBuilder.defaults().errorBackoffBase(bad).build(), "errorBackoffBase");
      assertRejected(
          () -> SettingsBuilder.defaults().errorBackoffCap(bad).build(), "errorBackoffCap");
      assertRejected(() -> SettingsBuilder.defaults().retryAfterCap(bad).build(), "retryAfterCap");
      assertRejected(() -> withMinimumGap(bad), "minimumGap");
    }
  }

  @Test
  void rejectsNoIdleSteps() {
    assertRejected(() -> withSteps(List.of()), "idleSteps");
  }

  @Test
  void rejectsJitterOutsideZeroToOne() {
    for (double bad : new double[] {-0.1, 1.0, 2.0, Double.NaN}) {
      assertRejected(() -> withJitter(bad), "jitter");
    }
    assertThat(withJitter(0).jitter()).isZero();
    assertThat(withJitter(0.99).jitter()).isEqualTo(0.99);
  }

  @Test
  void rejectsACapBelowTheBackOffBase() {
    assertRejected(
        () ->
            SettingsBuilder.defaults()
                .errorBackoffBase(Duration.ofMinutes(6))
                .errorBackoffCap(Duration.ofMinutes(5))
                .build(),
        "errorBackoffCap");
  }

  @Test
  void rejectsAMinimumGapLongerThanTheBaseInterval() {
    assertRejected(() -> withMinimumGap(Duration.ofSeconds(16)), "minimumGap");
    assertThat(withMinimumGap(Duration.ofSeconds(15)).minimumGap())
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void theIdleStepsCannotBeChangedAfterwards() {
    List<Duration> steps = new ArrayList<>(List.of(Duration.ofSeconds(30)));
    PollSettings settings = withSteps(steps);
    steps.add(Duration.ofSeconds(1));

    assertThat(settings.idleSteps()).containsExactly(Duration.ofSeconds(30));
    assertThatThrownBy(() -> settings.idleSteps().add(Duration.ofSeconds(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static void assertRejected(Runnable construction, String naming) {
    assertThatThrownBy(construction::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(naming);
  }

  private static PollSettings withBase(Duration base) {
    return SettingsBuilder.defaults().baseInterval(base).minimumGap(Duration.ofMillis(1)).build();
  }

  private static PollSettings withSteps(List<Duration> steps) {
    return SettingsBuilder.defaults().idleSteps(steps).build();
  }

  private static PollSettings withJitter(double jitter) {
    return SettingsBuilder.defaults().jitter(jitter).build();
  }

  private static PollSettings withMinimumGap(Duration gap) {
    return SettingsBuilder.defaults().minimumGap(gap).build();
  }
}
