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
 */
public record DatabaseState(
    boolean ready,
    String kind,
    String product,
    String schemaVersion,
    String reason,
    Instant since) {

  static DatabaseState starting(String kind, Instant now) {
    return new DatabaseState(false, kind, null, null, "connecting", now);
  }

  static DatabaseState unavailable(String kind, String reason, Instant now) {
    return new DatabaseState(false, kind, null, null, reason, now);
  }

  static DatabaseState ready(String kind, String product, String schemaVersion, Instant now) {
    return new DatabaseState(true, kind, product, schemaVersion, null, now);
  }
}
