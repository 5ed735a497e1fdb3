package dev.marquee.database.control;

import jakarta.ejb.ApplicationException;

/**
 * Something needed the database before it was ready; {@code /health/ready} says why it is not. An
 * application exception: it reaches the caller as itself, not as a logged EJB system error.
 */
@ApplicationException(rollback = true)
public class DatabaseNotReadyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DatabaseNotReadyException() {
    super("The database is not ready yet; see /health/ready for the reason.");
  }
}
