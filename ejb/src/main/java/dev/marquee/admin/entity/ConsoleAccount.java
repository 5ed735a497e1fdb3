package dev.marquee.admin.entity;

import static dev.marquee.database.control.Columns.utc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * Someone who may sign in to the console: a network admin or the admin of one organization.
 *
 * <p>The password is kept only as a PBKDF2 hash made by Jakarta Security's {@code
 * Pbkdf2PasswordHash}; an invited admin has none until the invite is accepted and cannot sign in
 * before.
 */
@Entity
@Table(name = "console_account")
@NamedQuery(
    name = ConsoleAccount.BY_USERNAME,
    query = "SELECT a FROM ConsoleAccount a WHERE a.username = :username")
@NamedQuery(name = ConsoleAccount.COUNT, query = "SELECT COUNT(a) FROM ConsoleAccount a")
@NamedQuery(name = ConsoleAccount.ALL, query = "SELECT a FROM ConsoleAccount a ORDER BY a.username")
@NamedQuery(
    name = ConsoleAccount.IN_ORGANIZATION,
    query =
        "SELECT a FROM ConsoleAccount a WHERE a.organizationId = :organization"
            + " ORDER BY a.username")
public class ConsoleAccount {

  public static final String BY_USERNAME = "ConsoleAccount.byUsername";
  public static final String COUNT = "ConsoleAccount.count";
  public static final String ALL = "ConsoleAccount.all";
  public static final String IN_ORGANIZATION = "ConsoleAccount.inOrganization";

  @Id private UUID id;

  @Column(name = "username", nullable = false, updatable = false)
  private String username;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false)
  private Role role;

  @Column(name = "organization_id", nullable = false)
  private UUID organizationId;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "password_set_at")
  private OffsetDateTime passwordSetAt;

  @Version private long version;

  protected ConsoleAccount() {
    // for JPA
  }

  /**
   * A new account without a password (it gets one through setup or an invite).
   *
   * @throws InvalidCredentialsFormatException when the username breaks the rules
   */
  public ConsoleAccount(String username, Role role, UUID organizationId, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.username = Username.of(username);
    this.role = Objects.requireNonNull(role, "role");
    this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
    this.createdAt = utc(createdAt);
  }

  /** Sets the password, given its hash (the plaintext never reaches the entity). */
  public void setPasswordHash(String hash, Instant at) {
    if (hash == null || hash.isBlank()) {
      throw new IllegalArgumentException("A password hash must not be blank");
    }
    this.passwordHash = hash;
    this.passwordSetAt = utc(at);
  }

  public UUID id() {
    return id;
  }

  public String username() {
    return username;
  }

  public Role role() {
    return role;
  }

  public UUID organizationId() {
    return organizationId;
  }

  /** The stored hash, for verification only; empty while an invite is pending. */
  public Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  /** Whether the account can sign in (it has a password). */
  public boolean isActive() {
    return passwordHash != null;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConsoleAccount that && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    // Never the hash.
    return "ConsoleAccount[" + id + ", " + username + ", " + role + "]";
  }
}
