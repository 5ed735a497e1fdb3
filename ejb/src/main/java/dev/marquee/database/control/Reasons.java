package dev.marquee.database.control;

/** Turns an exception chain into the one line an operator needs. */
final class Reasons {

  private Reasons() {}

  /**
   * The first line of the deepest message in the chain: drivers put the cause ("Connection
   * refused", "database \"x\" does not exist") at the bottom and wrap it in generic text above.
   */
  static String firstLineOfRootCause(Throwable failure) {
    String message = null;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    if (message == null) {
      return failure.getClass().getSimpleName();
    }
    String firstLine = message.strip().lines().findFirst().orElse(message).strip();
    return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
  }
}
