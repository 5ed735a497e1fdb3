package dev.marquee.database.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionScoped;
import java.util.Map;

/**
 * Opens Marquee's persistence unit once the database is usable, and gives every JTA transaction its
 * own {@link EntityManager} ({@code @Inject EntityManager em} in a boundary).
 *
 * <p>Why not {@code @PersistenceContext}: the container opens a container-managed unit while
 * deploying and fails the deployment when the database is down; Marquee must instead start, say it
 * is not ready, and become ready once the database answers.
 */
@ApplicationScoped
public class EntityManagers {

  static final String PERSISTENCE_UNIT = "marquee";
  static final String PERSISTENCE_XML = "META-INF/marquee-persistence.xml";

  private volatile EntityManagerFactory factory;

  /**
   * Opens the persistence unit; called once the schema is migrated.
   *
   * @throws DatabaseUnavailableException when the unit cannot log in to the database
   */
  public synchronized void open() throws DatabaseUnavailableException {
    if (factory != null) {
      return;
    }
    try {
      EntityManagerFactory opened =
          Persistence.createEntityManagerFactory(
              PERSISTENCE_UNIT, Map.of("eclipselink.persistencexml", PERSISTENCE_XML));
      // Log in now, so a problem shows in readiness rather than in the first request.
      opened.createEntityManager().close();
      factory = opened;
    } catch (PersistenceException e) {
      throw new DatabaseUnavailableException(Reasons.firstLineOfRootCause(e), e);
    }
  }

  @Produces
  @TransactionScoped
  EntityManager entityManager() {
    EntityManagerFactory current = factory;
    if (current == null) {
      throw new DatabaseNotReadyException();
    }
    EntityManager em = current.createEntityManager();
    em.joinTransaction();
    return em;
  }

  void close(@Disposes EntityManager em) {
    if (em.isOpen()) {
      em.close();
    }
  }

  @PreDestroy
  void shutdown() {
    if (factory != null && factory.isOpen()) {
      factory.close();
    }
  }
}
