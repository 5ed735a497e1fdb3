package dev.marquee.database.control;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Turns an exception chain into the one line an operator needs. */
public final class Reasons {

  private Reasons() {}

  /**
   * The first line of the deepest message in the chain: drivers put the cause ("Connection
   * refused", "database \"x\" does not exist") at the bottom and wrap it in generic text above.
   */
  public static String firstLineOf(Throwable failure) {
    Throwable deepest = null;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        deepest = t;
      }
    }
    if (deepest == null) {
      return failure.getClass().getSimpleName();
    }
    String message = deepest.getMessage().strip();
    String firstLine = message.lines().findFirst().orElse(message).strip();
    // "no-such-host.invalid" alone says nothing; "UnknownHostException: no-such-host.invalid" does.
    if (!(deepest instanceof SQLException)) {
      firstLine = deepest.getClass().getSimpleName() + ": " + firstLine;
    }
    return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
  }
}
