package dev.marquee.database.control;

/**
 * The database cannot be used: unreachable, refusing the credentials, missing, or holding a schema
 * this version cannot run on. The message is one line for operators and holds no secret.
 */
public class DatabaseUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
