package dev.marquee.polling.boundary;

import dev.marquee.database.control.DatabaseNotReadyException;
import dev.marquee.polling.control.PollingSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The heartbeat of polling: a non-persistent timer that, every {@code marquee.polling.heartbeat},
 * claims the accounts that are due and hands them to a managed executor. The schedule itself is in
 * the database ({@link PollSchedules}), so a restart, a crash or a redeploy loses nothing: the next
 * heartbeat, on this node or another, finds what is due. No HTTP call runs on the timer thread, and
 * at most {@code marquee.polling.max-in-flight} polls run at once, so a slow Spotify never stops
 * the rhythm.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Poller {

  private static final Logger LOG = Logger.getLogger(Poller.class.getName());

  /** How many heartbeats between recounts of accounts by status for the metrics. */
  private static final int RECOUNT_EVERY = 40;

  @Resource TimerService timers;

  @Resource ManagedExecutorService executor;

  @Inject PollSchedules schedules;

  @Inject AccountPolls polls;

  @Inject PollingSettings settings;

  @Inject PollingStatus status;

  @Inject PollMetrics metrics;

  /** Names this node's leases; unique per start, so a restarted node never mistakes old ones. */
  private final String node = UUID.randomUUID().toString();

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean beating = new AtomicBoolean();
  private final AtomicBoolean databaseWarned = new AtomicBoolean();
  private int beats;

  @PostConstruct
  void start() {
    long every = Math.max(50, settings.heartbeat().toMillis());
    timers.createIntervalTimer(every, every, new TimerConfig("marquee-poll-heartbeat", false));
  }

  @Timeout
  void beat() {
    if (!beating.compareAndSet(false, true)) {
      return;
    }
    try {
      claimAndSubmit();
      if (++beats % RECOUNT_EVERY == 0) {
        metrics.accounts(status.accountsByLastOutcome());
      }
      databaseWarned.set(false);
    } catch (DatabaseNotReadyException | PersistenceException | jakarta.ejb.EJBException e) {
      // The database readiness check reports the reason; say it here once per outage.
      if (databaseWarned.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "Polling waits for the database: {0}", e.getMessage());
      }
    } finally {
      beating.set(false);
    }
  }

  private void claimAndSubmit() {
    int free = settings.maxInFlight() - inFlight.get();
    if (free <= 0) {
      return;
    }
    List<Claim> claims =
        schedules.claim(free, node.substring(0, 8) + ":" + UUID.randomUUID(), settings.lease());
    for (Claim claim : claims) {
      inFlight.incrementAndGet();
      try {
        executor.execute(() -> run(claim));
      } catch (RejectedExecutionException e) {
        // The lease runs out and the account is claimed again then.
        inFlight.decrementAndGet();
        LOG.log(Level.WARNING, "The poll executor refused a poll: {0}", e.getMessage());
      }
    }
  }

  private void run(Claim claim) {
    try {
      polls.poll(claim);
    } catch (RuntimeException e) {
      // Logged once here, where it is handled; the lease runs out and the poll is retried.
      LOG.log(Level.WARNING, "Polling Spotify account " + claim.accountId() + " failed", e);
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
