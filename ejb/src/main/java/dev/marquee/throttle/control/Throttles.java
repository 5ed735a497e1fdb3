package dev.marquee.throttle.control;

import static dev.marquee.database.control.Columns.utc;

import dev.marquee.throttle.entity.Throttle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Hands out throttles locked for the caller's transaction. Counting and deciding happen in the
 * database, so every node of a cluster sees one count: the row is created when missing ({@code
 * INSERT ... ON CONFLICT DO NOTHING}, which waits for a concurrent insert of the same key to end
 * instead of failing), locked with a write, and only then read. Under READ COMMITTED (PostgreSQL's
 * default and H2's) a second transaction wanting the same row waits at the lock until the first
 * commits, and its reads, new statements, see what the first committed.
 *
 * <p>Callers taking two throttles in one transaction take them in one fixed order (the username's,
 * then the address's), so two deciders never wait on each other.
 */
@ApplicationScoped
public class Throttles {

  /** Tries at taking a row the sweep may delete between its insert and its lock. */
  private static final int TRIES = 3;

  @Inject EntityManager em;

  /** The throttle of {@code key}, locked until the current transaction ends. */
  public Throttle locked(String key, Instant now) {
    for (int attempt = 0; attempt < TRIES; attempt++) {
      em.createNativeQuery(
              "INSERT INTO throttle (throttle_key, touched_at) VALUES (?1, ?2)"
                  + " ON CONFLICT DO NOTHING")
          .setParameter(1, key)
          .setParameter(2, utc(now))
          .executeUpdate();
      // A locking read (SELECT ... FOR UPDATE through the entity manager) was not held on
      // PostgreSQL in our token-refresh tests; a write always is.
      int locked =
          em.createNativeQuery("UPDATE throttle SET touched_at = ?1 WHERE throttle_key = ?2")
              .setParameter(1, utc(now))
              .setParameter(2, key)
              .executeUpdate();
      if (locked == 1) {
        Throttle throttle = em.find(Throttle.class, key);
        // Read again in case this transaction had read the row before it held the lock.
        em.refresh(throttle);
        return throttle;
      }
      // Swept between the insert and the lock: insert it again.
    }
    throw new IllegalStateException("Throttle " + key + " could not be locked");
  }

  /**
   * Deletes the throttles nobody took since {@code before}, with their attempts.
   *
   * @return how many were deleted
   */
  public int sweep(Instant before) {
    return em.createNativeQuery("DELETE FROM throttle WHERE touched_at < ?1")
        .setParameter(1, utc(before))
        .executeUpdate();
  }
}
