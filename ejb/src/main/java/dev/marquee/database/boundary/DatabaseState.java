package dev.marquee.database.boundary;

import java.time.Instant;

/**
 * Whether Marquee can use its database, and what an operator needs to know about it.
 *
 * @param ready the schema is migrated and the data source answers
 * @param kind "H2" or "PostgreSQL", from the configured URL
 * @param product the database's own product name and version once connected, else null
 * @param schemaVersion the migrated schema version once ready, else null
 * @param reason why it is not ready, in one line without secrets; null when ready
 * @param since when this state began
 * @param attempts how many times Marquee has tried to reach the database since it started
 */
public record DatabaseState(
    boolean ready,
    String kind,
    String product,
    String schemaVersion,
    String reason,
    Instant since,
    int attempts) {

  static DatabaseState starting(String kind, Instant now) {
    return new DatabaseState(false, kind, null, null, "connecting", now, 0);
  }

  DatabaseState unavailable(String why, Instant now) {
    Instant changed = why.equals(reason) ? since : now;
    return new DatabaseState(false, kind, null, null, why, changed, attempts + 1);
  }

  DatabaseState ready(String productName, String schema, Instant now) {
    return new DatabaseState(true, kind, productName, schema, null, now, attempts + 1);
  }
}
