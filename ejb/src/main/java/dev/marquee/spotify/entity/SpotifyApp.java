package dev.marquee.spotify.entity;

import static dev.marquee.database.control.Columns.utc;

import dev.marquee.database.control.NullableUuid;
import dev.marquee.vault.entity.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A Spotify app registered in Spotify's developer dashboard: its client id and sealed client
 * secret, and how many Spotify users it may connect. Development-mode apps are limited to a few
 * users (5), so an organization can bring its own app; the network's default app serves the
 * organizations that have none. One app per scope: {@value #DEFAULT_SCOPE} or an organization's id.
 *
 * <p>The secret is sealed by the vault with this app's id as owner, so a ciphertext copied to
 * another app's row does not open. The entity never holds the plaintext.
 */
@Entity
@Table(name = "spotify_app")
@NamedQuery(
    name = SpotifyApp.BY_SCOPE,
    query = "SELECT a FROM SpotifyApp a WHERE a.scopeKey = :scope")
@NamedQuery(name = SpotifyApp.ALL, query = "SELECT a FROM SpotifyApp a ORDER BY a.scopeKey")
public class SpotifyApp {

  public static final String BY_SCOPE = "SpotifyApp.byScope";
  public static final String ALL = "SpotifyApp.all";

  /** The scope key of the network's default app. */
  public static final String DEFAULT_SCOPE = "default";

  /** Spotify's development-mode limit, the usual case. */
  public static final int DEFAULT_USER_LIMIT = 5;

  public static final int MIN_USER_LIMIT = 1;
  public static final int MAX_USER_LIMIT = 10_000;

  /** Longest client id or secret accepted (Spotify's are 32 hex characters). */
  public static final int MAX_CREDENTIAL_LENGTH = 200;

  @Id private UUID id;

  @Column(name = "scope_key", nullable = false, updatable = false)
  private String scopeKey;

  @Convert(converter = NullableUuid.class)
  @Column(name = "organization_id", updatable = false)
  private UUID organizationId;

  @Column(name = "client_id", nullable = false)
  private String clientId;

  @Column(name = "client_secret", nullable = false)
  private byte[] clientSecret;

  @Column(name = "user_limit", nullable = false)
  private int userLimit;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected SpotifyApp() {
    // for JPA
  }

  private SpotifyApp(UUID organizationId, String clientId, int userLimit, Instant now) {
    this.id = UUID.randomUUID();
    this.organizationId = organizationId;
    this.scopeKey = scopeKeyOf(organizationId);
    change(clientId, userLimit, now);
  }

  /**
   * The network's default app, still without a secret: seal one for {@link #id()} and pass it to
   * {@link #replaceSecret} before persisting.
   *
   * @throws InvalidSpotifyAppException when the client id or limit is not acceptable
   */
  public static SpotifyApp networkDefault(String clientId, int userLimit, Instant now) {
    return new SpotifyApp(null, clientId, userLimit, now);
  }

  /** An organization's own app, still without a secret (see {@link #networkDefault}). */
  public static SpotifyApp ofOrganization(
      UUID organizationId, String clientId, int userLimit, Instant now) {
    return new SpotifyApp(
        Objects.requireNonNull(organizationId, "organizationId"), clientId, userLimit, now);
  }

  /** The scope key for an organization's app, or the default app's for {@code null}. */
  public static String scopeKeyOf(UUID organizationId) {
    return organizationId == null ? DEFAULT_SCOPE : organizationId.toString();
  }

  /**
   * Sets the client id and user limit.
   *
   * @throws InvalidSpotifyAppException when either is not acceptable; nothing changes then
   */
  public void change(String clientId, int userLimit, Instant now) {
    String checkedId = checkClientId(clientId);
    checkUserLimit(userLimit);
    this.clientId = checkedId;
    this.userLimit = userLimit;
    touch(now);
  }

  /** Stores a newly sealed secret (sealed for this app's id). */
  public void replaceSecret(Sealed sealed, Instant now) {
    this.clientSecret = Objects.requireNonNull(sealed, "sealed").ciphertext();
    touch(now);
  }

  /**
   * The trimmed client id.
   *
   * @throws InvalidSpotifyAppException when blank, too long or not printable ASCII
   */
  public static String checkClientId(String clientId) {
    String trimmed = clientId == null ? "" : clientId.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidSpotifyAppException(
          "Enter the client id from the app in Spotify's developer dashboard.");
    }
    if (trimmed.length() > MAX_CREDENTIAL_LENGTH) {
      throw new InvalidSpotifyAppException(
          "The client id is too long (at most "
              + MAX_CREDENTIAL_LENGTH
              + " characters); copy it again from Spotify's developer dashboard.");
    }
    if (!trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidSpotifyAppException(
          "The client id may contain only letters, digits and punctuation, without spaces; copy"
              + " it again from Spotify's developer dashboard.");
    }
    return trimmed;
  }

  /**
   * The secret without surrounding white space, or empty when none was entered. Never quoted in a
   * message.
   *
   * @throws InvalidSpotifyAppException when too long or not printable ASCII
   */
  public static Optional<String> checkSecret(char[] secret) {
    String trimmed = secret == null ? "" : new String(secret).strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    if (trimmed.length() > MAX_CREDENTIAL_LENGTH) {
      throw new InvalidSpotifyAppException(
          "The client secret is too long (at most "
              + MAX_CREDENTIAL_LENGTH
              + " characters); copy it again from Spotify's developer dashboard.");
    }
    if (!trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidSpotifyAppException(
          "The client secret may contain only letters, digits and punctuation, without spaces;"
              + " copy it again from Spotify's developer dashboard.");
    }
    return Optional.of(trimmed);
  }

  /**
   * @throws InvalidSpotifyAppException when outside {@value #MIN_USER_LIMIT}..{@value
   *     #MAX_USER_LIMIT}
   */
  public static void checkUserLimit(int userLimit) {
    if (userLimit < MIN_USER_LIMIT || userLimit > MAX_USER_LIMIT) {
      throw new InvalidSpotifyAppException(
          "The user limit must be between "
              + MIN_USER_LIMIT
              + " and "
              + MAX_USER_LIMIT
              + " (Spotify allows 5 users in development mode).");
    }
  }

  @PrePersist
  @PreUpdate
  void requireSecret() {
    if (clientSecret == null) {
      throw new IllegalStateException("A Spotify app is never stored without its client secret");
    }
  }

  private void touch(Instant now) {
    this.updatedAt = utc(now);
  }

  public UUID id() {
    return id;
  }

  /** {@value #DEFAULT_SCOPE} or the organization's id. */
  public String scopeKey() {
    return scopeKey;
  }

  public boolean isDefault() {
    return organizationId == null;
  }

  /** The organization whose own app this is; empty for the default app. */
  public Optional<UUID> organizationId() {
    return Optional.ofNullable(organizationId);
  }

  public String clientId() {
    return clientId;
  }

  /** Whether a secret is stored (always, once persisted). */
  public boolean secretSet() {
    return clientSecret != null;
  }

  /** The sealed secret, to open right before a token request. */
  public Sealed clientSecret() {
    if (clientSecret == null) {
      throw new IllegalStateException("This Spotify app has no client secret yet");
    }
    return new Sealed(clientSecret);
  }

  public int userLimit() {
    return userLimit;
  }

  public Instant updatedAt() {
    return updatedAt.toInstant();
  }

  /** Whether this app may connect accounts of the organization: its own app, or the default. */
  public boolean serves(UUID organization) {
    return organizationId == null || organizationId.equals(organization);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SpotifyApp that && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "SpotifyApp[" + id + ", " + scopeKey + ", clientId=" + clientId + ", secret=***]";
  }
}
