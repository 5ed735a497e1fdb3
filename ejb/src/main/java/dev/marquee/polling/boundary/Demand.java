package dev.marquee.polling.boundary;

import dev.marquee.polling.control.PollPolicy;
import dev.marquee.polling.control.PollingSettings;
import dev.marquee.polling.entity.PollSchedule;
import dev.marquee.spotify.boundary.SpotifyAccountConnected;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Who watches which account: the seam through which screens (the screen registry) drive polling. An
 * account nobody watches is never polled; the first watcher arriving brings the next poll forward
 * to now when the last state is older than the base interval, unless the schedule was set to
 * protect Spotify (a {@code Retry-After}, a quota pause, an error back-off).
 */
@Stateless
public class Demand {

  @Inject EntityManager em;

  @Inject PollingSettings settings;

  Clock clock = Clock.systemUTC();

  /** One more watcher of the account. */
  public void watch(UUID accountId) {
    PollSchedule schedule = scheduleOf(accountId);
    if (schedule.watchedByOneMore()) {
      firstWatcherArrived(schedule);
    }
  }

  /** One watcher fewer. */
  public void unwatch(UUID accountId) {
    scheduleOf(accountId).watchedByOneFewer();
  }

  /** The registry's own count of watchers, replacing the stored one. */
  public void watchers(UUID accountId, int count) {
    PollSchedule schedule = scheduleOf(accountId);
    boolean wasUnwatched = schedule.watchers() == 0;
    schedule.watchedBy(count);
    if (wasUnwatched && count > 0) {
      firstWatcherArrived(schedule);
    }
  }

  /** A newly connected (or reconnected) account gets its schedule, polled again from now. */
  public void onConnected(@Observes SpotifyAccountConnected connected) {
    PollSchedule schedule = em.find(PollSchedule.class, connected.accountId());
    Instant now = clock.instant();
    if (schedule == null) {
      em.persist(new PollSchedule(connected.accountId(), now));
    } else {
      schedule.resume(now);
    }
  }

  private void firstWatcherArrived(PollSchedule schedule) {
    boolean heldOff = schedule.lastReason().map(reason -> reasonHoldsOff(reason)).orElse(false);
    if (heldOff || schedule.nextPollAt().isEmpty()) {
      return;
    }
    Instant next =
        new PollPolicy(settings.policy())
            .onFirstWatcher(
                schedule.lastSuccessAt().orElse(null),
                schedule.nextPollAt().orElse(null),
                clock.instant());
    schedule.pollNextAt(next);
  }

  private static boolean reasonHoldsOff(String reason) {
    try {
      return dev.marquee.polling.control.Decision.Reason.valueOf(reason).holdsOffWatchers();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private PollSchedule scheduleOf(UUID accountId) {
    PollSchedule schedule = accountId == null ? null : em.find(PollSchedule.class, accountId);
    if (schedule == null) {
      throw new dev.marquee.platform.boundary.NotFoundException("Spotify account");
    }
    return schedule;
  }
}
