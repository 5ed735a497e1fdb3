package dev.marquee.database.control;

import java.sql.SQLException;

/** Recognises a unique-constraint violation in whatever wraps it (JPA, EclipseLink, EJB). */
public final class UniqueConstraint {

  /** SQLSTATE for a unique violation; PostgreSQL and H2 both use it. */
  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueConstraint() {}

  public static boolean isViolatedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
