package dev.marquee.screen.entity;

import static dev.marquee.database.control.Columns.cut;
import static dev.marquee.database.control.Columns.utc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A paired screen of an organization: its name, the widget configuration it shows, an optional
 * group, and the digest of its device token (the token itself is shown to nobody and stored
 * nowhere). Revoking it makes the token worthless at once.
 */
@Entity
@Table(name = "screen")
@NamedQuery(
    name = Screen.IN_ORGANIZATION,
    query = "SELECT s FROM Screen s WHERE s.organizationId = :organization ORDER BY s.name")
@NamedQuery(
    name = Screen.BY_TOKEN,
    query = "SELECT s FROM Screen s WHERE s.tokenHash = :hash AND s.revokedAt IS NULL")
public class Screen {

  public static final String IN_ORGANIZATION = "Screen.inOrganization";
  public static final String BY_TOKEN = "Screen.byToken";

  public static final int MAX_NAME = 100;
  public static final int MAX_GROUP = 100;

  @Id private UUID id;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private UUID organizationId;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "configuration_id", nullable = false)
  private UUID configurationId;

  @Column(name = "group_name")
  private String groupName;

  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "client")
  private String client;

  @Column(name = "last_address")
  private String lastAddress;

  @Column(name = "last_seen_at")
  private OffsetDateTime lastSeenAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Version private long version;

  protected Screen() {
    // for JPA
  }

  /**
   * @throws InvalidScreenException when the name or group is not acceptable
   */
  public Screen(
      UUID organizationId,
      String name,
      UUID configurationId,
      String group,
      String client,
      Instant at) {
    this.id = UUID.randomUUID();
    this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
    this.createdAt = utc(at);
    this.client = cut(client, 100);
    change(name, configurationId, group);
  }

  /**
   * Renames the screen and sets what it shows, all or nothing.
   *
   * @throws InvalidScreenException when the name or group is not acceptable
   */
  public void change(String newName, UUID configuration, String group) {
    String checkedName = checked(newName, "name", MAX_NAME, false);
    String checkedGroup = checked(group, "group", MAX_GROUP, true);
    this.name = checkedName;
    this.configurationId = Objects.requireNonNull(configuration, "configuration");
    this.groupName = checkedGroup;
  }

  /** Gives the screen its device token's digest; a screen gets one token in its life. */
  public void tokenIssued(String hash) {
    if (tokenHash != null) {
      throw new IllegalStateException("Screen " + id + " already has a token");
    }
    this.tokenHash = Objects.requireNonNull(hash, "hash");
  }

  public void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = utc(at);
    }
  }

  public void seen(String address, String client, Instant at) {
    this.lastAddress = cut(address, 64);
    this.client = cut(client, 100);
    this.lastSeenAt = utc(at);
  }

  private static String checked(String value, String field, int max, boolean optional) {
    String trimmed = value == null ? "" : value.strip();
    if (trimmed.isEmpty()) {
      if (optional) {
        return null;
      }
      throw new InvalidScreenException(field, "Give the screen a name.");
    }
    if (trimmed.length() > max) {
      throw new InvalidScreenException(
          field, "The " + field + " is longer than " + max + " characters.");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidScreenException(field, "The " + field + " contains control characters.");
    }
    return trimmed;
  }

  public UUID id() {
    return id;
  }

  public UUID organizationId() {
    return organizationId;
  }

  public String name() {
    return name;
  }

  public UUID configurationId() {
    return configurationId;
  }

  public Optional<String> group() {
    return Optional.ofNullable(groupName);
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  public Optional<Instant> lastSeenAt() {
    return Optional.ofNullable(lastSeenAt).map(OffsetDateTime::toInstant);
  }

  public Optional<String> lastAddress() {
    return Optional.ofNullable(lastAddress);
  }

  public Optional<String> client() {
    return Optional.ofNullable(client);
  }
}
