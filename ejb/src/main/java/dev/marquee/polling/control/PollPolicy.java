package dev.marquee.polling.control;

import dev.marquee.polling.control.Decision.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when to ask Spotify next about one account: as rarely as keeps screens fresh.
 *
 * <p>Pure and deterministic on purpose: no clock, no randomness, no I/O. The poller passes the time
 * and a random sample in, so the same rules run unchanged in production, in unit tests in simulated
 * time and in the frugality benchmark, and a schedule in the logs can be replayed exactly.
 *
 * <p>The rules, and why:
 *
 * <ul>
 *   <li><b>Playing</b>: at the base interval, or just after the track should end if that comes
 *       first. Natural track changes are the most common change and the most predictable; asking at
 *       the predicted end shows them within about a second at no extra cost. Skips and seeks cannot
 *       be predicted, so the base interval bounds how late they show. No jitter here: freshness
 *       beats spreading, and track ends are spread by the music anyway.
 *   <li><b>Paused or nothing playing</b>: walk up {@link PollSettings#idleSteps()}. Idle accounts
 *       are most of the day; each further idle answer makes playback soon less likely. Any answer
 *       ends a failure streak; a playing one also ends the idle back-off.
 *   <li><b>Failed</b>: exponential back-off with jitter, so an outage of Spotify (or of our
 *       network) is not met with a synchronized storm of retries.
 *   <li><b>Rate limited</b>: exactly the {@code Retry-After}, never earlier, capped so that one
 *       absurd header cannot keep an account dark for a day; a quota 429 says so, because the
 *       caller must then pause every account of that Spotify app. A 429 counts as a failure, so
 *       repeated 429s without a usable header back off like errors.
 *   <li><b>Needs reconnect</b>: never again, until an admin reconnects the account.
 * </ul>
 *
 * <p>Whatever the rule, two calls for one account are at least {@link PollSettings#minimumGap()}
 * apart, so no answer (a track at its very end, a {@code Retry-After: 0}) can make the poller spin.
 */
public final class PollPolicy {

  private final PollSettings settings;

  public PollPolicy(PollSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * After a result fetched at {@code now}: when to ask next and what to remember.
   *
   * @param jitterSample uniformly distributed in [0, 1), drawn by the caller; 0.5 means "no
   *     jitter", 0 the shortest and values towards 1 the longest wait of the jitter band
   * @throws IllegalArgumentException when the sample is outside [0, 1)
   */
  public Decision afterResult(
      ScheduleState state, PollResult result, Instant now, double jitterSample) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(now, "now");
    if (!(jitterSample >= 0 && jitterSample < 1)) {
      throw new IllegalArgumentException("jitterSample must be in [0, 1), was " + jitterSample);
    }
    if (result instanceof PollResult.Playing playing) {
      return whilePlaying(playing, now);
    }
    if (result instanceof PollResult.Paused || result instanceof PollResult.NothingPlaying) {
      int step = Math.min(state.idlePolls(), settings.idleSteps().size() - 1);
      Duration wait = jittered(settings.idleSteps().get(step), jitterSample);
      return decide(now, wait, state.afterIdlePoll(), Reason.IDLE_BACKOFF);
    }
    if (result instanceof PollResult.Failed) {
      return decide(
          now,
          jittered(errorBackoff(state.failures()), jitterSample),
          state.afterFailure(),
          Reason.ERROR_BACKOFF);
    }
    if (result instanceof PollResult.RateLimited limited) {
      return whenRateLimited(state, limited, now, jitterSample);
    }
    if (result instanceof PollResult.NeedsReconnect) {
      return new Decision(Optional.empty(), state, Reason.NEEDS_RECONNECT);
    }
    throw new IllegalArgumentException("Unknown poll result " + result);
  }

  /**
   * The first screen or widget watching an account came online. Nothing polls an account nobody
   * watches, so its state may be old: if it is older than the base interval (or there is none), ask
   * at once so the new screen does not start with stale playback; otherwise the stored schedule is
   * as good as for any other watcher.
   *
   * <p>This overload cannot tell a schedule chosen for freshness from one Spotify imposed; a caller
   * that stored the {@link Decision#reason()} should use {@link #onFirstWatcher(Instant, Instant,
   * Reason, Instant)} so a screen coming online never breaks a {@code Retry-After}.
   *
   * @param lastFetchedAt when Spotify last answered with a state for this account; {@code null} if
   *     never
   * @param scheduledAt the stored next poll time; {@code null} if none
   * @return when to poll: {@code now}, {@code scheduledAt} (possibly already past, meaning due), or
   *     when the last state turns older than the base interval if nothing is scheduled
   */
  public Instant onFirstWatcher(Instant lastFetchedAt, Instant scheduledAt, Instant now) {
    Objects.requireNonNull(now, "now");
    if (lastFetchedAt == null || lastFetchedAt.plus(settings.baseInterval()).isBefore(now)) {
      return now;
    }
    return scheduledAt != null ? scheduledAt : lastFetchedAt.plus(settings.baseInterval());
  }

  /**
   * As {@link #onFirstWatcher(Instant, Instant, Instant)}, but a schedule whose reason {@linkplain
   * Reason#holdsOffWatchers() holds off watchers} (back-off, Retry-After, quota pause, reconnect)
   * is kept as it is: a new viewer is no reason to call a Spotify that asked us to wait.
   *
   * @param scheduledBecause the reason stored with {@code scheduledAt}; {@code null} if unknown
   * @return as the other overload; {@code scheduledAt} itself, even {@code null} (never poll), for
   *     a holding reason
   */
  public Instant onFirstWatcher(
      Instant lastFetchedAt, Instant scheduledAt, Reason scheduledBecause, Instant now) {
    Objects.requireNonNull(now, "now");
    if (scheduledBecause != null && scheduledBecause.holdsOffWatchers()) {
      return scheduledAt;
    }
    return onFirstWatcher(lastFetchedAt, scheduledAt, now);
  }

  private Decision whilePlaying(PollResult.Playing playing, Instant now) {
    long duration = playing.durationMs();
    long progress = playing.progressMs();
    // An unknown duration or a position past the end (Spotify reports both) predicts nothing.
    if (duration > 0 && progress >= 0 && progress <= duration) {
      Duration untilNextTrack =
          Duration.ofMillis(duration - progress).plus(settings.trackEndGrace());
      if (untilNextTrack.compareTo(settings.baseInterval()) < 0) {
        return decide(now, untilNextTrack, ScheduleState.fresh(), Reason.PLAYING_TRACK_END);
      }
    }
    return decide(
        now, settings.baseInterval(), ScheduleState.fresh(), Reason.PLAYING_BASE_INTERVAL);
  }

  private Decision whenRateLimited(
      ScheduleState state, PollResult.RateLimited limited, Instant now, double jitterSample) {
    Duration wait;
    Reason reason;
    Duration retryAfter = limited.retryAfter();
    if (retryAfter == null) {
      // No usable header: the error back-off is the most careful guess we have.
      wait = jittered(errorBackoff(state.failures()), jitterSample);
      reason = Reason.ERROR_BACKOFF;
    } else if (retryAfter.compareTo(settings.retryAfterCap()) > 0) {
      wait = settings.retryAfterCap();
      reason = Reason.RETRY_AFTER_CAPPED;
    } else {
      // Not jittered: jitter could land before the time Spotify named.
      wait = retryAfter;
      reason = Reason.RETRY_AFTER;
    }
    if (limited.quotaExceeded()) {
      // Whatever the wait, the caller must know it is app-wide.
      reason = Reason.QUOTA_PAUSE;
    }
    return decide(now, wait, state.afterFailure(), reason);
  }

  /** {@code errorBackoffBase * 2^failures}, capped, without overflowing at any failure count. */
  Duration errorBackoff(int failures) {
    Duration cap = settings.errorBackoffCap();
    Duration wait = settings.errorBackoffBase();
    for (int i = 0; i < failures && wait.compareTo(cap) < 0; i++) {
      if (wait.compareTo(cap.dividedBy(2)) > 0) {
        return cap;
      }
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(cap) > 0 ? cap : wait;
  }

  /**
   * Spreads a wait by ±jitter around itself, at millisecond resolution. The cap of the error
   * back-off is the centre of the band, not its top, so accounts failing for a long time stay
   * spread out instead of bunching at the cap.
   */
  Duration jittered(Duration wait, double sample) {
    double factor = 1 + settings.jitter() * (2 * sample - 1);
    return Duration.ofMillis(Math.round(wait.toMillis() * factor));
  }

  private Decision decide(Instant now, Duration wait, ScheduleState state, Reason reason) {
    Duration gap = wait.compareTo(settings.minimumGap()) < 0 ? settings.minimumGap() : wait;
    return new Decision(Optional.of(now.plus(gap)), state, reason);
  }
}
