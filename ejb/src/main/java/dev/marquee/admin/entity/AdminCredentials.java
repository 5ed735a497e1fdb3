package dev.marquee.admin.entity;

import dev.marquee.audit.entity.AuditEvent;

/** How typed sign-in names are recorded. */
public final class AdminCredentials {

  private AdminCredentials() {}

  /**
   * The name a sign-in attempt is counted and audited under: normalized like a username and in the
   * form the audit log records it, so "Ana" and "ana " count together, and so does a name with a
   * control character with the stored one.
   */
  public static String actorOf(String typedUsername) {
    return AuditEvent.asRecorded(Username.normalizeForLookup(typedUsername), AuditEvent.MAX_ACTOR);
  }
}
