package dev.marquee.throttle.entity;

import static dev.marquee.database.control.Columns.utc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * How many attempts of one kind (failed sign-ins for a username, failed claims from an address)
 * were counted in the current window. A window starts with its first counted attempt and lasts a
 * fixed time; once it is over, counting starts again from zero. Whoever reads, checks and changes a
 * throttle must hold its row lock ({@code Throttles.locked}), so concurrent attempts are decided
 * one after the other on every node.
 */
@Entity
@Table(name = "throttle")
@NamedQuery(
    name = Throttle.ENDED,
    query = "DELETE FROM Throttle t WHERE t.windowEndsAt IS NULL OR t.windowEndsAt < :before")
public class Throttle {

  public static final String ENDED = "Throttle.ended";

  @Id
  @Column(name = "throttle_key")
  private String key;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "window_ends_at")
  private OffsetDateTime windowEndsAt;

  protected Throttle() {
    // for JPA
  }

  /** A throttle with nothing counted. */
  public Throttle(String key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  public String key() {
    return key;
  }

  /** The attempts counted in the window running at {@code now}; none once it is over. */
  public int attempts(Instant now) {
    return windowOver(now) ? 0 : attempts;
  }

  /** Whether {@code limit} attempts are counted already: one more must be refused. */
  public boolean full(int limit, Instant now) {
    return attempts(now) >= limit;
  }

  /**
   * Counts one attempt; the first of a window starts it.
   *
   * @throws IllegalStateException when the throttle is full: a refused attempt is never counted
   */
  public void count(int limit, Duration window, Instant now) {
    if (full(limit, now)) {
      throw new IllegalStateException("Throttle " + key + " is full");
    }
    if (windowOver(now)) {
      attempts = 0;
      windowEndsAt = utc(now.plus(window));
    }
    attempts++;
  }

  /** Takes back one counted attempt that turned out not to count (a successful sign-in). */
  public void giveBack(Instant now) {
    if (!windowOver(now) && attempts > 0) {
      attempts--;
    }
  }

  /** Forgets every counted attempt (a successful sign-in ends a username's failures). */
  public void clear() {
    attempts = 0;
    windowEndsAt = null;
  }

  /** When the running window ends: a full throttle admits attempts again from then. */
  public Instant windowEndsAt(Instant now) {
    return windowOver(now) ? now : windowEndsAt.toInstant();
  }

  private boolean windowOver(Instant now) {
    return windowEndsAt == null || !now.isBefore(windowEndsAt.toInstant());
  }

  @Override
  public String toString() {
    return "Throttle[" + key + ", " + attempts + " until " + windowEndsAt + "]";
  }
}
