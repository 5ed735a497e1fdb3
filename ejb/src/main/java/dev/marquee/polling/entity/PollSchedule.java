package dev.marquee.polling.entity;

import static dev.marquee.database.control.Columns.cut;
import static dev.marquee.database.control.Columns.instant;
import static dev.marquee.database.control.Columns.utc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * When an account is polled next, and what the poller must remember between polls. The database is
 * the only place a schedule lives: a restarted server, or any node of a cluster, continues from
 * here. A poll holds a lease ({@code lease_token}, {@code lease_until}) taken by an atomic
 * conditional update, so no two pollers ever call Spotify for one account at once, and a poller
 * that died is replaced when its lease runs out.
 *
 * <p>{@link #watchers()} counts who shows the account; an account nobody watches is never claimed.
 * A schedule without {@link #nextPollAt()} is not polled at all (the account must be reconnected).
 */
@Entity
@Table(name = "poll_schedule")
@NamedQuery(
    name = PollSchedule.FORGET_WATCHERS,
    query = "UPDATE PollSchedule s SET s.watchers = 0 WHERE s.watchers > 0")
public class PollSchedule {

  public static final String FORGET_WATCHERS = "PollSchedule.forgetWatchers";

  static final int MAX_ERROR = 400;

  @Id
  @Column(name = "account_id")
  private UUID accountId;

  @Column(name = "watchers", nullable = false)
  private int watchers;

  @Column(name = "next_poll_at")
  private OffsetDateTime nextPollAt;

  @Column(name = "lease_token")
  private String leaseToken;

  @Column(name = "lease_until")
  private OffsetDateTime leaseUntil;

  @Column(name = "idle_polls", nullable = false)
  private int idlePolls;

  @Column(name = "failures", nullable = false)
  private int failures;

  @Column(name = "last_poll_at")
  private OffsetDateTime lastPollAt;

  @Column(name = "last_success_at")
  private OffsetDateTime lastSuccessAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "last_outcome")
  private PollOutcome lastOutcome;

  @Column(name = "last_reason")
  private String lastReason;

  @Column(name = "last_error")
  private String lastError;

  @Version private long version;

  protected PollSchedule() {
    // for JPA
  }

  /** A schedule for a newly connected account: nobody watches yet, due at once when watched. */
  public PollSchedule(UUID accountId, Instant now) {
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.nextPollAt = utc(now);
  }

  /** One more screen shows the account. Returns whether it is the first. */
  public boolean watchedByOneMore() {
    watchers++;
    return watchers == 1;
  }

  /** One screen fewer shows the account. */
  public void watchedByOneFewer() {
    watchers = Math.max(0, watchers - 1);
  }

  /** Moves the next poll; {@code null} stops polling until {@link #resume}. */
  public void pollNextAt(Instant at) {
    nextPollAt = at == null ? null : utc(at);
  }

  /** A reconnected account is polled again at once, with its bookkeeping forgotten. */
  public void resume(Instant now) {
    nextPollAt = utc(now);
    idlePolls = 0;
    failures = 0;
    lastError = null;
    releaseLease();
  }

  /**
   * Whether the lease named by {@code token} is still this poller's: a poller whose lease ran out
   * and was taken over must not write its late result.
   */
  public boolean leasedBy(String token) {
    return token != null && token.equals(leaseToken);
  }

  /**
   * Writes a poll's result: when it happened, how it went, the policy's bookkeeping and next time,
   * and frees the lease.
   */
  public void polled(
      Instant at,
      PollOutcome outcome,
      String reason,
      String error,
      int nextIdlePolls,
      int nextFailures,
      Instant next) {
    lastPollAt = utc(at);
    lastOutcome = Objects.requireNonNull(outcome, "outcome");
    lastReason = reason;
    lastError = cut(error, MAX_ERROR);
    if (error == null && outcome != PollOutcome.DEFERRED) {
      lastSuccessAt = utc(at);
    }
    idlePolls = nextIdlePolls;
    failures = nextFailures;
    pollNextAt(next);
    releaseLease();
  }

  /** Gives the lease up without a poll (no call was made). */
  public void deferTo(Instant next) {
    lastOutcome = PollOutcome.DEFERRED;
    pollNextAt(next);
    releaseLease();
  }

  private void releaseLease() {
    leaseToken = null;
    leaseUntil = null;
  }

  public UUID accountId() {
    return accountId;
  }

  public int watchers() {
    return watchers;
  }

  public Optional<Instant> nextPollAt() {
    return instant(nextPollAt);
  }

  public int idlePolls() {
    return idlePolls;
  }

  public int failures() {
    return failures;
  }

  public Optional<Instant> lastPollAt() {
    return instant(lastPollAt);
  }

  public Optional<Instant> lastSuccessAt() {
    return instant(lastSuccessAt);
  }

  public Optional<PollOutcome> lastOutcome() {
    return Optional.ofNullable(lastOutcome);
  }

  public Optional<String> lastReason() {
    return Optional.ofNullable(lastReason);
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PollSchedule that && accountId.equals(that.accountId);
  }

  @Override
  public int hashCode() {
    return accountId.hashCode();
  }

  @Override
  public String toString() {
    return "PollSchedule[" + accountId + ", next " + nextPollAt + ", watchers " + watchers + "]";
  }
}
