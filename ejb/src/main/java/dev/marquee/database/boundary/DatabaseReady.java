package dev.marquee.database.boundary;

/**
 * Fired each time the database becomes ready (at start, and again after it was lost), once the
 * schema is migrated and the persistence unit is open: features that need the database at start
 * observe it instead of racing the first connection.
 *
 * @param product the database product and version, for messages
 */
public record DatabaseReady(String product) {}
