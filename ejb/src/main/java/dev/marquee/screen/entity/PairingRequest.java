package dev.marquee.screen.entity;

import static dev.marquee.database.control.Columns.utc;

import dev.marquee.database.control.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * An unpaired screen waiting to be claimed: the digest of the code it shows, the digest of the
 * pickup secret only it knows, where it asked from, and until when. Claiming binds it to a new
 * {@link Screen}; the screen then picks up its device token once, with its secret. A request is
 * single use: claimed once, picked up once, and worthless after it expires or after too many wrong
 * pickup secrets.
 */
@Entity
@Table(name = "pairing_request")
@NamedQuery(
    name = PairingRequest.BY_CODE,
    query = "SELECT p FROM PairingRequest p WHERE p.codeHash = :hash")
@NamedQuery(
    name = PairingRequest.OPEN_FROM_ADDRESS,
    query =
        "SELECT COUNT(p) FROM PairingRequest p WHERE p.clientAddress = :address"
            + " AND p.expiresAt > :now AND p.screenId IS NULL")
@NamedQuery(
    name = PairingRequest.FIRST_EXPIRY_FROM_ADDRESS,
    query =
        "SELECT p.expiresAt FROM PairingRequest p WHERE p.clientAddress = :address"
            + " AND p.expiresAt > :now AND p.screenId IS NULL ORDER BY p.expiresAt")
@NamedQuery(
    name = PairingRequest.EXPIRED,
    query = "DELETE FROM PairingRequest p WHERE p.expiresAt <= :before")
public class PairingRequest {

  public static final String BY_CODE = "PairingRequest.byCode";
  public static final String OPEN_FROM_ADDRESS = "PairingRequest.openFromAddress";
  public static final String FIRST_EXPIRY_FROM_ADDRESS = "PairingRequest.firstExpiryFromAddress";
  public static final String EXPIRED = "PairingRequest.expired";

  /** How long a code is valid. */
  public static final Duration VALIDITY = Duration.ofMinutes(10);

  /** How long a claimed screen has to pick its token up (it asks every few seconds). */
  public static final Duration PICKUP_WINDOW = Duration.ofMinutes(5);

  /** Wrong pickup secrets after which the request is burned. */
  public static final int MAX_WRONG_PICKUPS = 5;

  @Id private UUID id;

  @Column(name = "code_hash", nullable = false, updatable = false)
  private String codeHash;

  @Column(name = "secret_hash", nullable = false, updatable = false)
  private String secretHash;

  @Column(name = "client_address", nullable = false, updatable = false)
  private String clientAddress;

  @Column(name = "client", updatable = false)
  private String client;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "wrong_pickups", nullable = false)
  private int wrongPickups;

  @Column(name = "screen_id")
  @Convert(converter = NullableUuid.class)
  private UUID screenId;

  @Column(name = "claimed_at")
  private OffsetDateTime claimedAt;

  @Column(name = "picked_up_at")
  private OffsetDateTime pickedUpAt;

  @Version private long version;

  protected PairingRequest() {
    // for JPA
  }

  public PairingRequest(
      String codeHash, String secretHash, String clientAddress, String client, Instant at) {
    this.id = UUID.randomUUID();
    this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
    this.secretHash = Objects.requireNonNull(secretHash, "secretHash");
    this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
    this.client = client;
    this.createdAt = utc(at);
    this.expiresAt = utc(at.plus(VALIDITY));
  }

  /** Whether an admin may still claim it now. */
  public boolean claimable(Instant now) {
    return screenId == null && !expired(now) && !burned();
  }

  public boolean expired(Instant now) {
    return !now.isBefore(expiresAt.toInstant());
  }

  public boolean burned() {
    return wrongPickups >= MAX_WRONG_PICKUPS;
  }

  /** Binds the request to the screen an admin made of it. */
  public void claimedAs(UUID screen, Instant now) {
    if (!claimable(now)) {
      throw new IllegalStateException("Pairing request " + id + " cannot be claimed");
    }
    this.screenId = Objects.requireNonNull(screen, "screen");
    this.claimedAt = utc(now);
  }

  /**
   * Checks a pickup secret's digest; a wrong one counts towards burning the request.
   *
   * @return whether it is the request's secret
   */
  public boolean secretMatches(String candidateHash) {
    if (burned()) {
      return false;
    }
    if (secretHash.equals(candidateHash)) {
      return true;
    }
    wrongPickups++;
    return false;
  }

  /** Whether the screen's token can be handed out now (claimed, not yet picked up). */
  public boolean awaitingPickup(Instant now) {
    return screenId != null
        && pickedUpAt == null
        && now.isBefore(claimedAt.toInstant().plus(PICKUP_WINDOW))
        && !burned();
  }

  public void pickedUp(Instant now) {
    if (!awaitingPickup(now)) {
      throw new IllegalStateException("Pairing request " + id + " has nothing to pick up");
    }
    this.pickedUpAt = utc(now);
  }

  public UUID id() {
    return id;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public String client() {
    return client;
  }

  public Instant expiresAt() {
    return expiresAt.toInstant();
  }

  public UUID screenId() {
    return screenId;
  }

  public boolean pickedUp() {
    return pickedUpAt != null;
  }
}
