package dev.marquee.spotify.entity;

import static dev.marquee.database.control.Columns.cut;
import static dev.marquee.database.control.Columns.instant;
import static dev.marquee.database.control.Columns.utc;

import dev.marquee.vault.entity.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A Spotify user connected to an organization: who it is on Spotify, its sealed tokens and where it
 * stands ({@link AccountStatus}). One row per Spotify user and organization: connecting the same
 * user again updates this row.
 *
 * <p>Tokens are sealed by the vault with this account's id as owner. Only a {@link
 * AccountStatus#CONNECTED} account has tokens: needing a reconnect or being disconnected drops
 * them, so nothing can use them by mistake.
 *
 * <p>Spotify's refresh tokens expire six months after the authorization, so {@link
 * #reconnectBefore()} is known from the day of connecting, and admins are warned {@link
 * #RECONNECT_WARNING} before.
 */
@Entity
@Table(name = "spotify_account")
@NamedQuery(
    name = SpotifyAccount.BY_SPOTIFY_USER,
    query =
        "SELECT a FROM SpotifyAccount a"
            + " WHERE a.organizationId = :organization AND a.spotifyUserId = :user")
@NamedQuery(
    name = SpotifyAccount.IN_ORGANIZATION,
    query =
        "SELECT a FROM SpotifyAccount a WHERE a.organizationId = :organization"
            + " ORDER BY a.createdAt, a.id")
@NamedQuery(
    name = SpotifyAccount.USAGE_BY_APP,
    query =
        "SELECT a.appId, COUNT(a) FROM SpotifyAccount a WHERE a.status <> :disconnected"
            + " GROUP BY a.appId")
@NamedQuery(
    name = SpotifyAccount.USAGE_OF_APP,
    query =
        "SELECT COUNT(a) FROM SpotifyAccount a WHERE a.appId = :app AND a.status <> :disconnected")
public class SpotifyAccount {

  public static final String BY_SPOTIFY_USER = "SpotifyAccount.bySpotifyUser";
  public static final String IN_ORGANIZATION = "SpotifyAccount.inOrganization";
  public static final String USAGE_BY_APP = "SpotifyAccount.usageByApp";
  public static final String USAGE_OF_APP = "SpotifyAccount.usageOfApp";

  /** How long after the authorization Spotify's refresh token stops working. */
  public static final Period REFRESH_TOKEN_LIFETIME = Period.ofMonths(6);

  /** How long before {@link #reconnectBefore()} admins are warned. */
  public static final Duration RECONNECT_WARNING = Duration.ofDays(14);

  static final int MAX_USER_ID = 200;
  static final int MAX_DISPLAY_NAME = 400;
  static final int MAX_SCOPES = 400;
  static final int MAX_ERROR = 400;

  @Id private UUID id;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private UUID organizationId;

  @Column(name = "app_id", nullable = false)
  private UUID appId;

  @Column(name = "spotify_user_id", nullable = false, updatable = false)
  private String spotifyUserId;

  @Column(name = "display_name")
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private AccountStatus status;

  @Column(name = "access_token")
  private byte[] accessToken;

  @Column(name = "access_token_expires_at")
  private OffsetDateTime accessTokenExpiresAt;

  @Column(name = "refresh_token")
  private byte[] refreshToken;

  @Column(name = "scopes")
  private String scopes;

  @Column(name = "authorized_at")
  private OffsetDateTime authorizedAt;

  @Column(name = "last_refresh_at")
  private OffsetDateTime lastRefreshAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "last_error_at")
  private OffsetDateTime lastErrorAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected SpotifyAccount() {
    // for JPA
  }

  /**
   * A new account for a Spotify user, not yet connected: call {@link #connect} with tokens sealed
   * for {@link #id()} before persisting.
   */
  public SpotifyAccount(UUID organizationId, String spotifyUserId, Instant now) {
    this.id = UUID.randomUUID();
    this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
    if (spotifyUserId == null || spotifyUserId.isBlank() || spotifyUserId.length() > MAX_USER_ID) {
      throw new IllegalArgumentException("A Spotify user id is 1 to " + MAX_USER_ID + " chars");
    }
    this.spotifyUserId = spotifyUserId;
    this.createdAt = utc(now);
    this.status = AccountStatus.DISCONNECTED;
  }

  /**
   * The user authorized Marquee (again): new tokens from the given app, authorized now, any earlier
   * error forgotten.
   */
  public void connect(
      UUID appId,
      String displayName,
      Sealed accessToken,
      Instant accessTokenExpiresAt,
      Sealed refreshToken,
      Set<String> scopes,
      Instant now) {
    this.appId = Objects.requireNonNull(appId, "appId");
    this.displayName = cut(displayName, MAX_DISPLAY_NAME);
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken").ciphertext();
    this.accessTokenExpiresAt = utc(accessTokenExpiresAt);
    this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken").ciphertext();
    this.scopes = scopeText(scopes);
    this.authorizedAt = utc(now);
    this.lastRefreshAt = null;
    this.lastError = null;
    this.lastErrorAt = null;
    this.status = AccountStatus.CONNECTED;
  }

  /**
   * A refresh succeeded: a new access token and, when Spotify rotated it, a new refresh token
   * (empty keeps the stored one).
   *
   * @throws IllegalStateException when the account is not connected
   */
  public void refreshed(
      Sealed accessToken,
      Instant accessTokenExpiresAt,
      Optional<Sealed> rotatedRefreshToken,
      Set<String> scopes,
      Instant now) {
    requireConnected();
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken").ciphertext();
    this.accessTokenExpiresAt = utc(accessTokenExpiresAt);
    rotatedRefreshToken.ifPresent(token -> this.refreshToken = token.ciphertext());
    if (!scopes.isEmpty()) {
      this.scopes = scopeText(scopes);
    }
    this.lastRefreshAt = utc(now);
    this.lastError = null;
    this.lastErrorAt = null;
  }

  /** Spotify refused the refresh token: the tokens are dropped and an admin must reconnect. */
  public void needsReconnect(String reason, Instant now) {
    dropTokens();
    this.status = AccountStatus.NEEDS_RECONNECT;
    failed(reason, now);
  }

  /** An admin disconnected the account: the tokens are deleted. */
  public void disconnect(Instant now) {
    dropTokens();
    this.status = AccountStatus.DISCONNECTED;
    this.lastError = null;
    this.lastErrorAt = utc(now);
  }

  /** Something went wrong that an admin should read about; the status stays. */
  public void failed(String reason, Instant now) {
    this.lastError = cut(Objects.requireNonNull(reason, "reason"), MAX_ERROR);
    this.lastErrorAt = utc(now);
  }

  /** Whether the access token expires within {@code ahead} of now (or is not known). */
  public boolean accessTokenExpiresWithin(Duration ahead, Instant now) {
    return accessTokenExpiresAt == null
        || !accessTokenExpiresAt.toInstant().isAfter(now.plus(ahead));
  }

  /** When the refresh token dies: six months after the authorization; empty when never. */
  public Optional<Instant> reconnectBefore() {
    return Optional.ofNullable(authorizedAt).map(at -> at.plus(REFRESH_TOKEN_LIFETIME).toInstant());
  }

  /**
   * Whether admins should be told to reconnect soon: a connected account from {@link
   * #RECONNECT_WARNING} before {@link #reconnectBefore()} on (also after it).
   */
  public boolean reconnectWarning(Instant now) {
    return status == AccountStatus.CONNECTED
        && reconnectBefore()
            .map(before -> !now.isBefore(before.minus(RECONNECT_WARNING)))
            .orElse(false);
  }

  private void requireConnected() {
    if (status != AccountStatus.CONNECTED || accessToken == null || refreshToken == null) {
      throw new IllegalStateException("Spotify account " + id + " is " + status);
    }
  }

  private void dropTokens() {
    this.accessToken = null;
    this.refreshToken = null;
    this.accessTokenExpiresAt = null;
  }

  public UUID id() {
    return id;
  }

  public UUID organizationId() {
    return organizationId;
  }

  /** The Spotify app the tokens were issued to; refreshes use its credentials. */
  public UUID appId() {
    return appId;
  }

  public String spotifyUserId() {
    return spotifyUserId;
  }

  /** The Spotify display name, or the user id when Spotify has none. */
  public String displayName() {
    return displayName == null || displayName.isBlank() ? spotifyUserId : displayName;
  }

  public AccountStatus status() {
    return status;
  }

  public Optional<Sealed> accessToken() {
    return Optional.ofNullable(accessToken).map(Sealed::new);
  }

  public Optional<Sealed> refreshToken() {
    return Optional.ofNullable(refreshToken).map(Sealed::new);
  }

  public Optional<Instant> accessTokenExpiresAt() {
    return instant(accessTokenExpiresAt);
  }

  /** The scopes granted, space-separated as Spotify writes them. */
  public Optional<String> scopes() {
    return Optional.ofNullable(scopes);
  }

  public Optional<Instant> authorizedAt() {
    return instant(authorizedAt);
  }

  public Optional<Instant> lastRefreshAt() {
    return instant(lastRefreshAt);
  }

  /** What last went wrong, in words for admins; empty when all is well. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  public Optional<Instant> lastErrorAt() {
    return instant(lastErrorAt);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  private static String scopeText(Set<String> scopes) {
    String text = String.join(" ", new TreeSet<>(scopes));
    return text.isEmpty() ? null : cut(text, MAX_SCOPES);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SpotifyAccount that && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "SpotifyAccount[" + id + ", " + spotifyUserId + ", " + status + ", tokens=***]";
  }
}
