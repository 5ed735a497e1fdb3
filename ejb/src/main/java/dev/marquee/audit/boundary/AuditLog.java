package dev.marquee.audit.boundary;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.audit.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail: sign-ins, setup, invites, Spotify app changes, connects, disconnects and refresh
 * failures. Network admins read all of it, organization admins their organization's part.
 */
@Stateless
public class AuditLog {

  /** The most events the audit page lists at once. */
  public static final int PAGE_SIZE = 200;

  @Inject EntityManager em;

  Clock clock = Clock.systemUTC();

  /** Records an event as part of the caller's transaction: it exists only if the action did. */
  public void record(
      AuditAction action, UUID organizationId, String actor, String address, String detail) {
    em.persist(new AuditEvent(action, clock.instant(), organizationId, actor, address, detail));
  }

  /**
   * Records an event in a transaction of its own, so it stays when the caller's action fails and
   * rolls back (a refused sign-in, a failed connect).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordAlone(
      AuditAction action, UUID organizationId, String actor, String address, String detail) {
    record(action, organizationId, actor, address, detail);
  }

  /** The newest events the admin may read, newest first. */
  public List<AuditEvent> recent(AdminView admin) {
    if (admin.isNetworkAdmin()) {
      return em.createNamedQuery(AuditEvent.RECENT, AuditEvent.class)
          .setMaxResults(PAGE_SIZE)
          .getResultList();
    }
    return em.createNamedQuery(AuditEvent.RECENT_IN_ORGANIZATION, AuditEvent.class)
        .setParameter("organization", admin.organizationId())
        .setMaxResults(PAGE_SIZE)
        .getResultList();
  }
}
