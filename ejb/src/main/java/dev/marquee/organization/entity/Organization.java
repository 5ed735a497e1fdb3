package dev.marquee.organization.entity;

import static dev.marquee.database.control.Columns.utc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer of Marquee (a gym, a shop, an office): it owns the Spotify accounts, widgets and
 * screens its admins manage, and nothing of one organization is visible to another.
 *
 * <p>Identified by a random UUID, so ids reveal neither how many organizations exist nor which ids
 * might be valid.
 */
@Entity
@Table(name = "organization")
@NamedQuery(name = Organization.ALL, query = "SELECT o FROM Organization o ORDER BY o.name")
@NamedQuery(
    name = Organization.BY_NAME_KEY,
    query = "SELECT o FROM Organization o WHERE o.nameKey = :key")
@NamedQuery(name = Organization.COUNT, query = "SELECT COUNT(o) FROM Organization o")
public class Organization {

  public static final String ALL = "Organization.all";
  public static final String BY_NAME_KEY = "Organization.byNameKey";
  public static final String COUNT = "Organization.count";

  @Id private UUID id;

  @Column(name = "name", nullable = false)
  private String name;

  /** The name as names are compared ({@link OrganizationName#key}); unique in the database. */
  @Column(name = "name_key", nullable = false)
  private String nameKey;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected Organization() {
    // for JPA
  }

  /**
   * A new organization.
   *
   * @throws InvalidOrganizationNameException when the name is blank, too long or has control
   *     characters
   */
  public Organization(String name, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.name = OrganizationName.of(name);
    this.nameKey = OrganizationName.key(name);
    // Microseconds: what both databases store, so a reloaded organization equals the new one.
    this.createdAt = utc(createdAt);
  }

  /**
   * Gives the organization a new name.
   *
   * @throws InvalidOrganizationNameException when the name is not acceptable
   */
  public void rename(String newName) {
    String key = OrganizationName.key(newName);
    this.name = OrganizationName.of(newName);
    this.nameKey = key;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Organization that && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Organization[" + id + ", " + name + "]";
  }
}
