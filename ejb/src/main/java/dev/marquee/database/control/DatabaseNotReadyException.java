package dev.marquee.database.control;

/** Something needed the database before it was ready; {@code /health/ready} says why it is not. */
public class DatabaseNotReadyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DatabaseNotReadyException() {
    super("The database is not ready yet; see /health/ready for the reason.");
  }
}
