package dev.marquee.organization.boundary;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.database.control.UniqueConstraint;
import dev.marquee.organization.entity.Organization;
import dev.marquee.organization.entity.OrganizationName;
import dev.marquee.platform.boundary.NotAllowedException;
import dev.marquee.platform.boundary.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates and finds organizations. */
@Stateless
public class Organizations {

  @Inject EntityManager em;

  @Inject AuditLog audit;

  private final Clock clock = Clock.systemUTC();

  /**
   * Creates an organization.
   *
   * @throws dev.marquee.organization.entity.InvalidOrganizationNameException when the name is not
   *     acceptable
   * @throws OrganizationNameTakenException when another organization has the name, in any case
   */
  public Organization create(String name) {
    String normalized = OrganizationName.of(name);
    Optional<Organization> existing = findByName(normalized);
    if (existing.isPresent()) {
      throw new OrganizationNameTakenException(normalized, existing.get().name());
    }
    Organization organization = new Organization(normalized, clock.instant());
    em.persist(organization);
    try {
      // Flush now: a concurrent create of the same name (in any case) fails here, on the unique
      // name_key, where it can be named.
      em.flush();
    } catch (PersistenceException e) {
      if (UniqueConstraint.isViolatedBy(e)) {
        throw new OrganizationNameTakenException(normalized, null);
      }
      throw e;
    }
    return organization;
  }

  public Optional<Organization> find(UUID id) {
    return Optional.ofNullable(em.find(Organization.class, id));
  }

  /** The organization with this name, compared as names are: trimmed and without case. */
  public Optional<Organization> findByName(String name) {
    return em.createNamedQuery(Organization.BY_NAME_KEY, Organization.class)
        .setParameter("key", OrganizationName.key(name))
        .getResultStream()
        .findFirst();
  }

  /**
   * Creates an organization on behalf of a network admin, audited.
   *
   * @throws NotAllowedException unless the caller is a network admin
   */
  public Organization create(AdminView caller, String name) {
    if (!caller.isNetworkAdmin()) {
      throw new NotAllowedException("Only a network admin can create organizations.");
    }
    Organization organization = create(name);
    audit.record(
        AuditAction.ORGANIZATION_CREATED,
        organization.id(),
        caller.username(),
        null,
        organization.name());
    return organization;
  }

  /** The organizations an admin may manage: all for a network admin, else their own. */
  public List<Organization> visibleTo(AdminView caller) {
    if (caller.isNetworkAdmin()) {
      return all();
    }
    return find(caller.organizationId()).map(List::of).orElse(List.of());
  }

  /**
   * An organization the admin may manage.
   *
   * @throws NotFoundException when it does not exist or the admin may not see it
   */
  public Organization visible(AdminView caller, UUID id) {
    if (id == null) {
      throw new NotFoundException("Organization");
    }
    return find(id)
        .filter(organization -> caller.canManage(organization.id()))
        .orElseThrow(() -> new NotFoundException("Organization"));
  }

  public List<Organization> all() {
    return em.createNamedQuery(Organization.ALL, Organization.class).getResultList();
  }

  public long count() {
    return em.createNamedQuery(Organization.COUNT, Long.class).getSingleResult();
  }
}
