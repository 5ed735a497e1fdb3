package dev.marquee.audit.entity;

import static dev.marquee.database.control.Columns.utc;

import dev.marquee.database.control.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One thing that happened in the console or to a Spotify account: what, when, who, from where. An
 * event is written once and never changed. It never holds a secret: details are written by Marquee,
 * never copied from a request.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(
    name = AuditEvent.RECENT,
    query = "SELECT e FROM AuditEvent e ORDER BY e.occurredAt DESC, e.id")
@NamedQuery(
    name = AuditEvent.RECENT_IN_ORGANIZATION,
    query =
        "SELECT e FROM AuditEvent e WHERE e.organizationId = :organization"
            + " ORDER BY e.occurredAt DESC, e.id")
public class AuditEvent {

  public static final String RECENT = "AuditEvent.recent";
  public static final String RECENT_IN_ORGANIZATION = "AuditEvent.recentInOrganization";

  /** Longest actor kept; longer names (typed at the sign-in form) are cut. */
  public static final int MAX_ACTOR = 320;

  private static final int MAX_DETAIL = 1000;
  private static final int MAX_ADDRESS = 100;

  @Id private UUID id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "action", nullable = false, updatable = false)
  private AuditAction action;

  @Convert(converter = NullableUuid.class)
  @Column(name = "organization_id", updatable = false)
  private UUID organizationId;

  @Column(name = "actor", updatable = false)
  private String actor;

  @Column(name = "client_address", updatable = false)
  private String clientAddress;

  @Column(name = "detail", updatable = false)
  private String detail;

  protected AuditEvent() {
    // for JPA
  }

  /**
   * @param organizationId the organization it concerns, or null for the network (setup, sign-in of
   *     an unknown name)
   * @param actor who did it: a console username, or null for Marquee itself (a poll, a refresh)
   * @param clientAddress where the request came from, or null for Marquee itself
   * @param detail a short explanation in words, or null
   */
  public AuditEvent(
      AuditAction action,
      Instant occurredAt,
      UUID organizationId,
      String actor,
      String clientAddress,
      String detail) {
    this.id = UUID.randomUUID();
    this.action = Objects.requireNonNull(action, "action");
    this.occurredAt = utc(occurredAt);
    this.organizationId = organizationId;
    this.actor = asRecorded(actor, MAX_ACTOR);
    this.clientAddress = asRecorded(clientAddress, MAX_ADDRESS);
    this.detail = asRecorded(detail, MAX_DETAIL);
  }

  /** A value as the audit log records it: control characters as spaces, cut to {@code max}. */
  public static String asRecorded(String value, int max) {
    if (value == null) {
      return null;
    }
    // Control characters would let a typed name forge lines in an exported log.
    String printable = value.replaceAll("\\p{Cntrl}", " ");
    return printable.length() <= max ? printable : printable.substring(0, max);
  }

  public UUID id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt.toInstant();
  }

  public AuditAction action() {
    return action;
  }

  public Optional<UUID> organizationId() {
    return Optional.ofNullable(organizationId);
  }

  public Optional<String> actor() {
    return Optional.ofNullable(actor);
  }

  public Optional<String> clientAddress() {
    return Optional.ofNullable(clientAddress);
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  @Override
  public String toString() {
    return "AuditEvent[" + action + ", " + occurredAt + ", " + actor + "]";
  }
}
