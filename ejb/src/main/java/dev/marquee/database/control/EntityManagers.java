package dev.marquee.database.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Opens Marquee's persistence unit once the database is usable, and gives every JTA transaction its
 * own {@link EntityManager}: a boundary writes {@code @Inject EntityManager em} and gets an entity
 * manager bound to the current transaction, closed when it ends. Unlike
 * {@code @PersistenceContext}, there is no use outside a transaction: every read and write goes
 * through a transactional boundary ({@code @Stateless} by default), and a caller outside one gets a
 * {@link TransactionRequiredException} saying so.
 *
 * <p>Why not {@code @PersistenceContext}: the container opens a container-managed unit while
 * deploying and fails the deployment when the database is down; Marquee must instead start, say it
 * is not ready, and become ready once the database answers.
 */
@ApplicationScoped
public class EntityManagers {

  static final String PERSISTENCE_UNIT = "marquee";
  static final String PERSISTENCE_XML = "META-INF/marquee-persistence.xml";

  private static final Object TRANSACTION_KEY = EntityManagers.class.getName() + ".current";

  @Resource TransactionSynchronizationRegistry transactions;

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
    EntityManagerFactory opened = null;
    try {
      opened =
          Persistence.createEntityManagerFactory(
              PERSISTENCE_UNIT, Map.of("eclipselink.persistencexml", PERSISTENCE_XML));
      // Log in now, so a problem shows in readiness rather than in the first request.
      opened.createEntityManager().close();
      factory = opened;
    } catch (PersistenceException e) {
      if (opened != null) {
        opened.close();
      }
      throw new DatabaseUnavailableException(Reasons.firstLineOf(e), e);
    }
  }

  /** An entity manager that always acts on the current transaction's own entity manager. */
  @Produces
  EntityManager transactionBound() {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, arguments) -> invokeOnCurrent(proxy, method, arguments));
  }

  private Object invokeOnCurrent(Object proxy, Method method, Object[] arguments) throws Throwable {
    switch (method.getName()) {
      case "equals":
        return proxy == arguments[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "EntityManager bound to the current transaction";
      case "isOpen":
        return factory != null && factory.isOpen();
      case "close", "getTransaction":
        throw new IllegalStateException(
            method.getName() + " is the container's business on a transaction-bound EntityManager");
      default:
        try {
          return method.invoke(current(), arguments);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
    }
  }

  /** The current transaction's entity manager, created on first use and closed at its end. */
  EntityManager current() {
    int status = transactions.getTransactionStatus();
    // Marked for rollback still reads: the caller is usually finding out what went wrong.
    if (status != Status.STATUS_ACTIVE && status != Status.STATUS_MARKED_ROLLBACK) {
      throw new TransactionRequiredException("Marquee reads and writes data only in transactions");
    }
    EntityManager current = (EntityManager) transactions.getResource(TRANSACTION_KEY);
    if (current == null) {
      current = openEntityManager();
      transactions.putResource(TRANSACTION_KEY, current);
      transactions.registerInterposedSynchronization(closeAtEnd(current));
    }
    return current;
  }

  private EntityManager openEntityManager() {
    EntityManagerFactory opened = factory;
    if (opened == null) {
      throw new DatabaseNotReadyException();
    }
    EntityManager em = opened.createEntityManager();
    em.joinTransaction();
    return em;
  }

  private static Synchronization closeAtEnd(EntityManager em) {
    return new Synchronization() {
      @Override
      public void beforeCompletion() {
        // EclipseLink flushes through its own synchronization with the transaction.
      }

      @Override
      public void afterCompletion(int status) {
        em.close();
      }
    };
  }

  @PreDestroy
  void shutdown() {
    if (factory != null && factory.isOpen()) {
      factory.close();
    }
  }
}
