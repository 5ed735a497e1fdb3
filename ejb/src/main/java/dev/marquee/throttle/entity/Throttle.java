package dev.marquee.throttle.entity;

import static dev.marquee.database.control.Columns.utc;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The attempts of one kind (failed sign-ins for a username, failed claims from an address) counted
 * within a sliding window: an attempt counts for the window's length after it was made. Counting
 * forgets attempts older than that, so a throttle holds at most its limit of them. Whoever reads,
 * checks and changes a throttle must hold its row lock ({@code Throttles.locked}), so concurrent
 * attempts are decided one after the other, on every node.
 */
@Entity
@Table(name = "throttle")
public class Throttle {

  @Id
  @Column(name = "throttle_key")
  private String key;

  @Column(name = "touched_at", nullable = false)
  private OffsetDateTime touchedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "throttle_attempt", joinColumns = @JoinColumn(name = "throttle_key"))
  @Column(name = "attempted_at", nullable = false)
  private List<OffsetDateTime> attempts = new ArrayList<>();

  protected Throttle() {
    // for JPA
  }

  /** A throttle with nothing counted. */
  public Throttle(String key, Instant now) {
    this.key = Objects.requireNonNull(key, "key");
    this.touchedAt = utc(now);
  }

  public String key() {
    return key;
  }

  /** How many attempts count at {@code now}: those made within the window before it. */
  public int attempts(Duration window, Instant now) {
    return live(window, now).size();
  }

  /** Whether {@code limit} attempts count already: one more must be refused. */
  public boolean full(int limit, Duration window, Instant now) {
    return attempts(window, now) >= limit;
  }

  /**
   * Counts one attempt made now.
   *
   * @throws IllegalStateException when the throttle is full: a refused attempt is never counted
   */
  public void count(int limit, Duration window, Instant now) {
    if (full(limit, window, now)) {
      throw new IllegalStateException("Throttle " + key + " is full");
    }
    attempts.removeIf(attempt -> !counts(attempt, window, now));
    attempts.add(utc(now));
  }

  /** Takes back the newest counted attempt: it turned out not to count (a successful sign-in). */
  public void giveBack() {
    attempts.stream().max(Comparator.naturalOrder()).ifPresent(attempts::remove);
  }

  /** Forgets every counted attempt (a successful sign-in ends a username's failures). */
  public void clear() {
    attempts.clear();
  }

  /**
   * When one more attempt will fit again: {@code now} when it fits already, else when enough of the
   * counted attempts have left the window.
   */
  public Instant admitsAgainAt(int limit, Duration window, Instant now) {
    List<Instant> live = live(window, now);
    if (live.size() < limit) {
      return now;
    }
    return live.get(live.size() - limit).plus(window);
  }

  private List<Instant> live(Duration window, Instant now) {
    return attempts.stream()
        .filter(attempt -> counts(attempt, window, now))
        .map(OffsetDateTime::toInstant)
        .sorted()
        .toList();
  }

  private static boolean counts(OffsetDateTime attempt, Duration window, Instant now) {
    return attempt.toInstant().plus(window).isAfter(now);
  }

  @Override
  public String toString() {
    return "Throttle[" + key + ", " + attempts.size() + " attempts]";
  }
}
