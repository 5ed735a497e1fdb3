package dev.marquee.admin.entity;

import static dev.marquee.database.control.Columns.utc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A one-time link that lets an invited admin set a password. Only the SHA-256 of its token is
 * stored, so the database cannot give out working links.
 */
@Entity
@Table(name = "console_invite")
public class Invite {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "account_id", nullable = false, updatable = false)
  private UUID accountId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private OffsetDateTime expiresAt;

  protected Invite() {
    // for JPA
  }

  public Invite(String tokenHash, UUID accountId, Instant createdAt, Instant expiresAt) {
    this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.createdAt = utc(createdAt);
    this.expiresAt = utc(expiresAt);
    if (!this.expiresAt.isAfter(this.createdAt)) {
      throw new IllegalArgumentException("An invite must expire after it is created");
    }
  }

  public UUID accountId() {
    return accountId;
  }

  public Instant expiresAt() {
    return expiresAt.toInstant();
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt.toInstant());
  }

  @Override
  public String toString() {
    return "Invite[account " + accountId + ", expires " + expiresAt + "]";
  }
}
