package dev.marquee.throttle.boundary;

import dev.marquee.throttle.control.Throttles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes throttles nobody took for a day, hourly: every typed username and client address gets a
 * row, and attempts older than a day count for no window Marquee uses (windows are minutes). It
 * deletes with one statement; a throttle taken at that moment is inserted again by {@link
 * Throttles#locked}. On PostgreSQL a sign-in taking two day-old rows exactly while the sweep
 * deletes them could deadlock with it; the database then ends one of the two, and a failed sweep is
 * simply repeated an hour later.
 */
@Singleton
@Startup
public class ThrottleSweep {

  private static final Logger LOG = Logger.getLogger(ThrottleSweep.class.getName());

  static final Duration EVERY = Duration.ofHours(1);

  /** How long a throttle nobody takes is kept: longer than any window. */
  static final Duration KEPT = Duration.ofDays(1);

  @Resource TimerService timers;

  @Inject Throttles throttles;

  Clock clock = Clock.systemUTC();

  @PostConstruct
  void start() {
    timers.createIntervalTimer(
        EVERY.toMillis(), EVERY.toMillis(), new TimerConfig("marquee-throttle-sweep", false));
  }

  @Timeout
  void sweep() {
    try {
      int deleted = throttles.sweep(clock.instant().minus(KEPT));
      LOG.fine(() -> "Removed " + deleted + " ended throttles.");
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Throttle sweep failed; it runs again in an hour", e);
    }
  }
}
