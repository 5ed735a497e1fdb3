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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
 * the rhythm. When more accounts are due than slots are free, finishing polls claim the next ones
 * without waiting for the heartbeat.
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
  private final AtomicBoolean backlog = new AtomicBoolean();
  private int beats;

  @PostConstruct
  void start() {
    long every = Math.max(50, settings.heartbeat().toMillis());
    timers.createIntervalTimer(every, every, new TimerConfig("marquee-poll-heartbeat", false));
  }

  // No transaction around the beat: each claim must be committed before its polls start, or a
  // fast poll reads the row without its lease, drops its result and waits for the lease to end.
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void beat() {
    if (!beating.compareAndSet(false, true)) {
      return;
    }
    try {
      claimSafely();
      if (++beats % RECOUNT_EVERY == 0) {
        metrics.accounts(status.accountsByLastOutcome());
      }
    } finally {
      beating.set(false);
    }
  }

  /**
   * Claims again as soon as a quarter of the slots is free, when the last claim left due accounts
   * behind: with a backlog (thousands of accounts, a burst after a restart), waiting for the next
   * heartbeat would leave free slots idle and cap polling at max-in-flight per heartbeat.
   */
  private void refillIfBacklogged(int stillInFlight) {
    int free = settings.maxInFlight() - stillInFlight;
    if (!backlog.get() || free < Math.max(1, settings.maxInFlight() / 4)) {
      return;
    }
    if (!beating.compareAndSet(false, true)) {
      return;
    }
    try {
      claimSafely();
    } finally {
      beating.set(false);
    }
  }

  private void claimSafely() {
    try {
      claimAndSubmit();
      databaseWarned.set(false);
    } catch (DatabaseNotReadyException | PersistenceException | jakarta.ejb.EJBException e) {
      // The database readiness check reports the reason; say it here once per outage.
      backlog.set(false);
      if (databaseWarned.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "Polling waits for the database: {0}", e.getMessage());
      }
    }
  }

  private void claimAndSubmit() {
    int free = settings.maxInFlight() - inFlight.get();
    if (free <= 0) {
      backlog.set(true);
      return;
    }
    List<Claim> claims =
        schedules.claim(free, node.substring(0, 8) + ":" + UUID.randomUUID(), settings.lease());
    backlog.set(claims.size() == free);
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
      refillIfBacklogged(inFlight.decrementAndGet());
    }
  }
}
