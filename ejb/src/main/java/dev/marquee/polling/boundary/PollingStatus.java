package dev.marquee.polling.boundary;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.database.control.Columns;
import dev.marquee.polling.entity.NowPlaying;
import dev.marquee.polling.entity.PollOutcome;
import dev.marquee.polling.entity.PollSchedule;
import dev.marquee.spotify.entity.AccountStatus;
import dev.marquee.spotify.entity.SpotifyAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads how polling stands, for the console and the metrics. Callers check the organization: this
 * bean is given account ids the caller may see.
 */
@Stateless
public class PollingStatus {

  @Inject EntityManager em;

  Clock clock = Clock.systemUTC();

  public Optional<AccountPolling> of(UUID accountId) {
    PollSchedule schedule = em.find(PollSchedule.class, accountId);
    SpotifyAccount account = em.find(SpotifyAccount.class, accountId);
    if (schedule == null || account == null) {
      return Optional.empty();
    }
    Optional<NowPlaying> now = Optional.ofNullable(em.find(NowPlaying.class, accountId));
    Instant at = clock.instant();
    return Optional.of(
        new AccountPolling(
            accountId,
            AccountPolling.statusOf(
                schedule.watchers(),
                schedule.lastOutcome(),
                now.map(NowPlaying::status),
                account.status() == AccountStatus.CONNECTED),
            schedule.watchers(),
            schedule.lastPollAt(),
            schedule.nextPollAt(),
            schedule.lastError(),
            callsSince(accountId, at.minus(Duration.ofHours(1))),
            callsSince(accountId, at.minus(Duration.ofDays(1))),
            now.map(NowPlaying::playback),
            now.map(NowPlaying::status),
            now.map(NowPlaying::version).orElse(0L)));
  }

  public Map<PollOutcome, Long> accountsByLastOutcome() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT last_outcome, COUNT(*) FROM poll_schedule WHERE last_outcome IS NOT NULL"
                    + " GROUP BY last_outcome")
            .getResultList();
    Map<PollOutcome, Long> counts = new EnumMap<>(PollOutcome.class);
    for (Object[] row : rows) {
      counts.put(PollOutcome.valueOf((String) row[0]), ((Number) row[1]).longValue());
    }
    return counts;
  }

  /**
   * The Spotify apps whose accounts are paused for quota now and that concern this admin: the
   * network's default app, which every organization may use, and the organizations' own apps the
   * admin manages. Soonest end first.
   */
  public List<QuotaPause> quotaPausesFor(AdminView admin) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, client_id, paused_until, pause_reason, organization_id"
                    + " FROM spotify_app WHERE paused_until > ?1 ORDER BY paused_until")
            .setParameter(1, Columns.utc(clock.instant()))
            .getResultList();
    List<QuotaPause> pauses = new ArrayList<>();
    for (Object[] row : rows) {
      if (row[4] == null || admin.canManage(PollSchedules.uuid(row[4]))) {
        pauses.add(
            new QuotaPause(
                PollSchedules.uuid(row[0]),
                (String) row[1],
                PollSchedules.instant(row[2]),
                (String) row[3]));
      }
    }
    return pauses;
  }

  /**
   * Calls counted in hourly buckets: "the last hour" is the current and the previous bucket, as far
   * as they overlap the hour, so the figure is exact to the hour's granularity.
   */
  private long callsSince(UUID accountId, Instant since) {
    Object sum =
        em.createNativeQuery(
                "SELECT COALESCE(SUM(calls), 0) FROM spotify_call_count"
                    + " WHERE account_id = ?1 AND hour_start >= ?2")
            .setParameter(1, accountId)
            .setParameter(2, Columns.utc(since.truncatedTo(ChronoUnit.HOURS)))
            .getSingleResult();
    return ((Number) sum).longValue();
  }
}
