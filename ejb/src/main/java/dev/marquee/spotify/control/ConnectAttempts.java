package dev.marquee.spotify.control;

import dev.marquee.spotify.entity.ConnectAttempt;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * Uses up connect attempts, each in a transaction of its own: once Spotify has redirected back, the
 * attempt is gone for good whatever happens next, and no database lock is held while Marquee talks
 * to Spotify.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ConnectAttempts {

  /** What became of a callback's state. */
  public sealed interface Claim {}

  /** The attempt is now used up; its data for the code exchange. */
  public record Claimed(ConnectAttempt attempt) implements Claim {}

  /** No such attempt: never started, already used, or removed. */
  public record Unknown() implements Claim {}

  /** Started in another session (or by another admin): left untouched for its owner. */
  public record OtherSession() implements Claim {}

  /** Too late; the attempt was deleted. */
  public record Expired() implements Claim {}

  @Inject EntityManager em;

  /**
   * Consumes the attempt for the state digest when it belongs to the session and admin and has not
   * expired. Of two concurrent calls for one state, exactly one gets {@link Claimed}: the delete is
   * conditional and only its winner sees a deleted row.
   */
  public Claim claim(String stateHash, String sessionHash, UUID admin, Instant now) {
    ConnectAttempt attempt = em.find(ConnectAttempt.class, stateHash);
    if (attempt == null) {
      return new Unknown();
    }
    if (!attempt.startedIn(sessionHash, admin)) {
      return new OtherSession();
    }
    if (attempt.isExpired(now)) {
      em.createNamedQuery(ConnectAttempt.DELETE).setParameter("state", stateHash).executeUpdate();
      return new Expired();
    }
    em.detach(attempt);
    int deleted =
        em.createNamedQuery(ConnectAttempt.CONSUME)
            .setParameter("state", stateHash)
            .setParameter("session", sessionHash)
            .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
            .executeUpdate();
    return deleted == 1 ? new Claimed(attempt) : new Unknown();
  }

  /** Removes attempts nobody finished in time. */
  public int deleteExpired(Instant now) {
    return em.createNamedQuery(ConnectAttempt.DELETE_EXPIRED)
        .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
        .executeUpdate();
  }
}
