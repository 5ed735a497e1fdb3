package dev.marquee.polling.boundary;

import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.polling.control.Decision;
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

  /**
   * Nobody watches anything: called when this node starts, since watchers are the screens connected
   * to it and a node that just started has none. (One node holds every screen socket; see
   * docs/operations.md before running several.)
   *
   * @return how many schedules had watchers
   */
  public int forgetAllWatchers() {
    return em.createNamedQuery(PollSchedule.FORGET_WATCHERS).executeUpdate();
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
    schedule.pollNextAt(
        settings
            .pollPolicy()
            .onFirstWatcher(
                schedule.lastSuccessAt().orElse(null),
                schedule.nextPollAt().orElse(null),
                schedule.lastReason().map(Decision.Reason::valueOf).orElse(null),
                clock.instant()));
  }

  private PollSchedule scheduleOf(UUID accountId) {
    PollSchedule schedule = accountId == null ? null : em.find(PollSchedule.class, accountId);
    if (schedule == null) {
      throw new NotFoundException("Spotify account");
    }
    return schedule;
  }
}
