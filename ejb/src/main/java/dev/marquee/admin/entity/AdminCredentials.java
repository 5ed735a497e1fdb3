package dev.marquee.admin.entity;

import dev.marquee.audit.entity.AuditEvent;

/** How typed sign-in names are recorded. */
public final class AdminCredentials {

  private AdminCredentials() {}

  /**
   * The name a sign-in attempt is counted and audited under: normalized like a username and cut to
   * the audit column, so "Ana" and "ana " count together.
   */
  public static String actorOf(String typedUsername) {
    String normalized = Username.normalizeForLookup(typedUsername);
    return normalized.length() <= AuditEvent.MAX_ACTOR
        ? normalized
        : normalized.substring(0, AuditEvent.MAX_ACTOR);
  }
}
