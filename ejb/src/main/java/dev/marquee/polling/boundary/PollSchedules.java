package dev.marquee.polling.boundary;

import static dev.marquee.database.control.Columns.utc;

import dev.marquee.polling.control.Decision;
import dev.marquee.polling.control.PlayerAnswer;
import dev.marquee.polling.control.PollResult;
import dev.marquee.polling.control.PollingSettings;
import dev.marquee.polling.control.ScheduleState;
import dev.marquee.polling.entity.FeedStatus;
import dev.marquee.polling.entity.NowPlaying;
import dev.marquee.polling.entity.Playback;
import dev.marquee.polling.entity.PollOutcome;
import dev.marquee.polling.entity.PollSchedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The poller's database side: claims due accounts under a lease, and records each poll's result:
 * the next time the policy chose, the new now-playing state when it changed meaningfully (one
 * {@link PlaybackChanged} per new version), the call count, and a quota pause for the whole app.
 * Each method is one transaction.
 */
@Stateless
public class PollSchedules {

  private static final Logger LOG = Logger.getLogger(PollSchedules.class.getName());

  /**
   * Takes the lease of due accounts in one conditional update: only rows still due and not leased
   * are taken, so of two pollers racing for a row exactly one gets it (the loser's update finds the
   * row leased when it re-checks the condition after the winner's commit).
   */
  private static final String CLAIM =
      "UPDATE poll_schedule SET lease_token = ?1, lease_until = ?2"
          + " WHERE account_id IN ("
          + "   SELECT s.account_id FROM poll_schedule s"
          + "   JOIN spotify_account a ON a.id = s.account_id"
          + "   JOIN spotify_app p ON p.id = a.app_id"
          + "   WHERE s.watchers > 0 AND s.next_poll_at <= ?3"
          + "   AND (s.lease_until IS NULL OR s.lease_until < ?3)"
          + "   AND a.status = 'CONNECTED'"
          + "   AND (p.paused_until IS NULL OR p.paused_until <= ?3)"
          + "   ORDER BY s.next_poll_at LIMIT ?4)"
          + " AND watchers > 0 AND next_poll_at <= ?3 AND (lease_until IS NULL OR lease_until < ?3)";

  private static final String CLAIMED =
      "SELECT s.account_id, a.organization_id, a.app_id, s.next_poll_at, s.last_outcome"
          + " FROM poll_schedule s"
          + " JOIN spotify_account a ON a.id = s.account_id WHERE s.lease_token = ?1";

  @Inject EntityManager em;

  @Inject PollingSettings settings;

  @Inject Event<PlaybackChanged> changes;

  Clock clock = Clock.systemUTC();

  /**
   * Leases up to {@code max} due accounts for {@code lease}; returns what this caller holds. The
   * lease is committed when this returns, whatever the caller's transaction: the polls that follow
   * run in other transactions and must see it.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Claim> claim(int max, String leaseToken, Duration lease) {
    Instant now = clock.instant();
    int taken =
        em.createNativeQuery(CLAIM)
            .setParameter(1, leaseToken)
            .setParameter(2, utc(now.plus(lease)))
            .setParameter(3, utc(now))
            .setParameter(4, max)
            .executeUpdate();
    if (taken == 0) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(CLAIMED).setParameter(1, leaseToken).getResultList();
    return rows.stream()
        .map(
            row ->
                new Claim(
                    uuid(row[0]),
                    uuid(row[1]),
                    uuid(row[2]),
                    leaseToken,
                    instant(row[3]),
                    Optional.ofNullable((String) row[4]).map(PollOutcome::valueOf)))
        .toList();
  }

  /** Gives a claimed account back without a call: the app's call budget said "not before". */
  public void defer(Claim claim, Instant until) {
    PollSchedule schedule = em.find(PollSchedule.class, claim.accountId());
    if (schedule != null && schedule.leasedBy(claim.leaseToken())) {
      schedule.deferTo(until);
    }
  }

  /**
   * Records a poll. Does nothing when the lease is no longer the caller's (it ran out and another
   * poller took the account over): a late answer never overwrites a newer one.
   */
  public void record(Claim claim, Observation observation) {
    Instant now = clock.instant();
    PollSchedule schedule = em.find(PollSchedule.class, claim.accountId());
    if (schedule == null || !schedule.leasedBy(claim.leaseToken())) {
      return;
    }
    countCalls(claim.accountId(), observation.calls(), now);
    PollResult result = resultOf(observation);
    int failuresBefore = schedule.failures();
    Decision decision =
        settings
            .pollPolicy()
            .afterResult(
                new ScheduleState(schedule.idlePolls(), schedule.failures()),
                result,
                now,
                ThreadLocalRandom.current().nextDouble());
    schedule.polled(
        now,
        outcomeOf(result),
        decision.reason().name(),
        errorOf(observation),
        decision.state().idlePolls(),
        decision.state().failures(),
        decision.nextPollAt().orElse(null));
    logDecision(claim, failuresBefore, decision, errorOf(observation), now);
    if (decision.reason() == Decision.Reason.QUOTA_PAUSE) {
      pauseApp(claim.appId(), decision.nextPollAt().orElseThrow(), now);
    }
    updateNowPlaying(claim, schedule, observation, now);
  }

  private void updateNowPlaying(
      Claim claim, PollSchedule schedule, Observation observation, Instant now) {
    NowPlaying current = em.find(NowPlaying.class, claim.accountId());
    if (observation.answer() instanceof PlayerAnswer.Seen seen) {
      Playback playback = seen.playback();
      if (current == null) {
        current = new NowPlaying(claim.accountId(), playback, FeedStatus.LIVE);
        em.persist(current);
        announce(claim, current);
      } else if (current.changesWith(playback, FeedStatus.LIVE, settings.seekTolerance())) {
        current.apply(playback, FeedStatus.LIVE);
        announce(claim, current);
      }
      return;
    }
    if (observation.kind() == Observation.Kind.NEEDS_RECONNECT) {
      if (current == null) {
        current =
            new NowPlaying(claim.accountId(), Playback.nothing(now), FeedStatus.NEEDS_RECONNECT);
        em.persist(current);
        announce(claim, current);
      } else if (current.status() != FeedStatus.NEEDS_RECONNECT) {
        current.mark(FeedStatus.NEEDS_RECONNECT);
        announce(claim, current);
      }
      return;
    }
    boolean stale =
        schedule
            .lastSuccessAt()
            .map(at -> at.plus(settings.staleAfter()).isBefore(now))
            .orElse(true);
    if (current != null && stale && current.status() == FeedStatus.LIVE) {
      current.mark(FeedStatus.STALE);
      announce(claim, current);
    }
  }

  private void announce(Claim claim, NowPlaying state) {
    changes.fire(
        new PlaybackChanged(
            claim.accountId(),
            claim.organizationId(),
            state.version(),
            state.status(),
            state.playback()));
  }

  /**
   * Says the decisions an operator wants to know about, once each: the first back-off of a run of
   * failures, the end of that run, a Retry-After that was capped. Never a token: the error words
   * come from {@link #errorOf}. Quota pauses and reconnects are logged where they are decided.
   */
  private static void logDecision(
      Claim claim, int failuresBefore, Decision decision, String error, Instant now) {
    Decision.Reason reason = decision.reason();
    String next =
        decision
            .nextPollAt()
            .map(at -> " (next try in " + Duration.between(now, at).toSeconds() + " s)")
            .orElse("");
    if (reason == Decision.Reason.ERROR_BACKOFF && failuresBefore == 0) {
      LOG.warning(
          () ->
              "Spotify account " + claim.accountId() + ": " + error + "; backing off" + next + ".");
    } else if (reason == Decision.Reason.RETRY_AFTER_CAPPED) {
      LOG.warning(
          () ->
              "Spotify account "
                  + claim.accountId()
                  + " was asked to wait longer than marquee.polling.retry-after-cap; waiting the"
                  + " cap"
                  + next
                  + ".");
    } else if (failuresBefore > 0 && decision.state().failures() == 0) {
      LOG.info(
          () ->
              "Spotify account "
                  + claim.accountId()
                  + " answers again after "
                  + failuresBefore
                  + " failed polls.");
    }
  }

  private void pauseApp(UUID appId, Instant until, Instant now) {
    int updated =
        em.createNativeQuery(
                "UPDATE spotify_app SET paused_until = ?1, pause_reason = ?2 WHERE id = ?3"
                    + " AND (paused_until IS NULL OR paused_until < ?1)")
            .setParameter(1, utc(until))
            .setParameter(
                2,
                "Spotify says the app's quota is exceeded (429 QUOTA_EXCEEDED); every account of"
                    + " this app is paused.")
            .setParameter(3, appId)
            .executeUpdate();
    em.createNativeQuery(
            "UPDATE poll_schedule SET next_poll_at = ?1 WHERE next_poll_at IS NOT NULL"
                + " AND next_poll_at < ?1"
                + " AND account_id IN (SELECT id FROM spotify_account WHERE app_id = ?2)")
        .setParameter(1, utc(until))
        .setParameter(2, appId)
        .executeUpdate();
    if (updated > 0) {
      LOG.warning(
          () ->
              "Spotify app "
                  + appId
                  + " is out of quota: every account of it is paused until "
                  + until.truncatedTo(ChronoUnit.SECONDS)
                  + " ("
                  + Duration.between(now, until).toSeconds()
                  + " s).");
    }
  }

  private void countCalls(UUID accountId, int calls, Instant now) {
    if (calls <= 0) {
      return;
    }
    OffsetDateTime hour = utc(now.truncatedTo(ChronoUnit.HOURS));
    int updated =
        em.createNativeQuery(
                "UPDATE spotify_call_count SET calls = calls + ?1"
                    + " WHERE account_id = ?2 AND hour_start = ?3")
            .setParameter(1, calls)
            .setParameter(2, accountId)
            .setParameter(3, hour)
            .executeUpdate();
    if (updated == 0) {
      // Only the lease holder counts for an account, so no other insert can race this one.
      em.createNativeQuery(
              "INSERT INTO spotify_call_count (account_id, hour_start, calls) VALUES (?1, ?2, ?3)")
          .setParameter(1, accountId)
          .setParameter(2, hour)
          .setParameter(3, calls)
          .executeUpdate();
    }
  }

  static PollResult resultOf(Observation observation) {
    return switch (observation.kind()) {
      case NEEDS_RECONNECT -> new PollResult.NeedsReconnect();
      case NO_TOKEN -> new PollResult.Failed(observation.tokenProblem());
      case ANSWERED -> resultOf(observation.answer());
    };
  }

  private static PollResult resultOf(PlayerAnswer answer) {
    if (answer instanceof PlayerAnswer.Seen seen) {
      Playback playback = seen.playback();
      if (playback.playing()) {
        return new PollResult.Playing(playback.progressMs(), playback.durationMs());
      }
      return playback.itemId() == null && playback.title() == null
          ? new PollResult.NothingPlaying()
          : new PollResult.Paused();
    }
    if (answer instanceof PlayerAnswer.RateLimited limited) {
      return new PollResult.RateLimited(limited.retryAfter().orElse(null), limited.quotaExceeded());
    }
    if (answer instanceof PlayerAnswer.Failed failed) {
      return new PollResult.Failed(failed.reason());
    }
    return new PollResult.Failed("Spotify did not accept the access token, even a fresh one");
  }

  private static PollOutcome outcomeOf(PollResult result) {
    if (result instanceof PollResult.Playing) {
      return PollOutcome.PLAYING;
    }
    if (result instanceof PollResult.Paused) {
      return PollOutcome.PAUSED;
    }
    if (result instanceof PollResult.NothingPlaying) {
      return PollOutcome.IDLE;
    }
    if (result instanceof PollResult.RateLimited limited) {
      return limited.quotaExceeded() ? PollOutcome.QUOTA_EXCEEDED : PollOutcome.RATE_LIMITED;
    }
    if (result instanceof PollResult.NeedsReconnect) {
      return PollOutcome.NEEDS_RECONNECT;
    }
    return PollOutcome.FAILED;
  }

  private static String errorOf(Observation observation) {
    if (observation.tokenProblem() != null) {
      return observation.tokenProblem();
    }
    if (observation.answer() instanceof PlayerAnswer.Failed failed) {
      return failed.reason();
    }
    if (observation.answer() instanceof PlayerAnswer.RateLimited limited) {
      return limited.quotaExceeded()
          ? "Spotify says the app's quota is exceeded (HTTP 429)"
          : "Spotify asked Marquee to slow down (HTTP 429)";
    }
    if (observation.answer() instanceof PlayerAnswer.Unauthorized) {
      return "Spotify did not accept the access token, even a fresh one (HTTP 401)";
    }
    return null;
  }

  static UUID uuid(Object value) {
    return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
  }
}
