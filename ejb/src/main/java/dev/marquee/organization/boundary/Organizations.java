package dev.marquee.organization.boundary;

import dev.marquee.database.control.UniqueConstraint;
import dev.marquee.organization.entity.Organization;
import dev.marquee.organization.entity.OrganizationName;
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

  private final Clock clock = Clock.systemUTC();

  /**
   * Creates an organization.
   *
   * @throws dev.marquee.organization.entity.InvalidOrganizationNameException when the name is not
   *     acceptable
   * @throws OrganizationNameTakenException when another organization has the name
   */
  public Organization create(String name) {
    String normalized = OrganizationName.of(name);
    if (findByName(normalized).isPresent()) {
      throw new OrganizationNameTakenException(normalized);
    }
    Organization organization = new Organization(normalized, clock.instant());
    em.persist(organization);
    try {
      // Flush now: a concurrent create of the same name fails here, where it can be named.
      em.flush();
    } catch (PersistenceException e) {
      if (UniqueConstraint.isViolatedBy(e)) {
        throw new OrganizationNameTakenException(normalized);
      }
      throw e;
    }
    return organization;
  }

  public Optional<Organization> find(UUID id) {
    return Optional.ofNullable(em.find(Organization.class, id));
  }

  public Optional<Organization> findByName(String name) {
    return em.createNamedQuery(Organization.BY_NAME, Organization.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  public List<Organization> all() {
    return em.createNamedQuery(Organization.ALL, Organization.class).getResultList();
  }

  public long count() {
    return em.createNamedQuery(Organization.COUNT, Long.class).getSingleResult();
  }
}
