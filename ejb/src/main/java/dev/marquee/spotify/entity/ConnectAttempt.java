package dev.marquee.spotify.entity;

import static dev.marquee.database.control.Columns.utc;

import dev.marquee.vault.entity.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A Spotify connect flow in progress: the admin was sent to Spotify's consent page and Marquee
 * waits for the redirect. Kept by the SHA-256 of the OAuth {@code state} (the state itself is only
 * in the admin's browser), bound to the admin's session by the SHA-256 of a per-session secret, to
 * the organization and to the Spotify app; the PKCE verifier is sealed with the state digest as
 * owner. Single use (consumed by a conditional delete) and valid for {@link #LIFETIME}.
 */
@Entity
@Table(name = "spotify_connect_attempt")
@NamedQuery(
    name = ConnectAttempt.CONSUME,
    query =
        "DELETE FROM ConnectAttempt a WHERE a.stateHash = :state AND a.sessionHash = :session"
            + " AND a.expiresAt > :now")
@NamedQuery(
    name = ConnectAttempt.DELETE,
    query = "DELETE FROM ConnectAttempt a WHERE a.stateHash = :state")
@NamedQuery(
    name = ConnectAttempt.DELETE_EXPIRED,
    query = "DELETE FROM ConnectAttempt a WHERE a.expiresAt <= :now")
public class ConnectAttempt {

  public static final String CONSUME = "ConnectAttempt.consume";
  public static final String DELETE = "ConnectAttempt.delete";
  public static final String DELETE_EXPIRED = "ConnectAttempt.deleteExpired";

  /** How long an admin has on Spotify's consent page. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  @Id
  @Column(name = "state_hash")
  private String stateHash;

  @Column(name = "session_hash", nullable = false, updatable = false)
  private String sessionHash;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private UUID organizationId;

  @Column(name = "app_id", nullable = false, updatable = false)
  private UUID appId;

  @Column(name = "started_by", nullable = false, updatable = false)
  private UUID startedBy;

  @Column(name = "code_verifier", nullable = false, updatable = false)
  private byte[] codeVerifier;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private OffsetDateTime expiresAt;

  protected ConnectAttempt() {
    // for JPA
  }

  /**
   * @param stateHash SHA-256 hex of the state
   * @param sessionHash SHA-256 hex of the admin's session secret
   * @param codeVerifier the PKCE verifier sealed for {@code stateHash}
   */
  public ConnectAttempt(
      String stateHash,
      String sessionHash,
      UUID organizationId,
      UUID appId,
      UUID startedBy,
      Sealed codeVerifier,
      Instant now) {
    this.stateHash = requireDigest(stateHash, "stateHash");
    this.sessionHash = requireDigest(sessionHash, "sessionHash");
    this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
    this.appId = Objects.requireNonNull(appId, "appId");
    this.startedBy = Objects.requireNonNull(startedBy, "startedBy");
    this.codeVerifier = Objects.requireNonNull(codeVerifier, "codeVerifier").ciphertext();
    this.createdAt = utc(now);
    this.expiresAt = utc(now.plus(LIFETIME));
  }

  /** Whether the callback comes from the session (and admin) that started the flow. */
  public boolean startedIn(String sessionHash, UUID admin) {
    return sessionHash != null
        && MessageDigest.isEqual(
            this.sessionHash.getBytes(StandardCharsets.US_ASCII),
            sessionHash.getBytes(StandardCharsets.US_ASCII))
        && startedBy.equals(admin);
  }

  public boolean isExpired(Instant now) {
    return !expiresAt.toInstant().isAfter(now);
  }

  public String stateHash() {
    return stateHash;
  }

  public UUID organizationId() {
    return organizationId;
  }

  public UUID appId() {
    return appId;
  }

  public UUID startedBy() {
    return startedBy;
  }

  public Sealed codeVerifier() {
    return new Sealed(codeVerifier);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant expiresAt() {
    return expiresAt.toInstant();
  }

  private static String requireDigest(String value, String name) {
    if (value == null || !value.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(name + " must be a lower-case hex SHA-256");
    }
    return value;
  }

  @Override
  public String toString() {
    return "ConnectAttempt[organization=" + organizationId + ", expiresAt=" + expiresAt + "]";
  }
}
