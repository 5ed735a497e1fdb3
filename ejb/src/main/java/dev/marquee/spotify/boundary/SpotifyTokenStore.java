package dev.marquee.spotify.boundary;

import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.spotify.control.SpotifyAccountsException;
import dev.marquee.spotify.control.SpotifyClients;
import dev.marquee.spotify.control.SpotifyGrantRejectedException;
import dev.marquee.spotify.control.SpotifyUnavailableException;
import dev.marquee.spotify.entity.AccountStatus;
import dev.marquee.spotify.entity.SpotifyAccount;
import dev.marquee.spotify.entity.SpotifyApp;
import dev.marquee.spotify.entity.SpotifyTokens;
import dev.marquee.vault.boundary.Vault;
import dev.marquee.vault.control.SecretUnreadableException;
import dev.marquee.vault.entity.SecretPurpose;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional side of {@link SpotifyAccessTokens}: each call is a transaction of its own that
 * reads the account, refreshes its token when due (under the account's row lock, so nodes sharing
 * the database refresh once) and commits before the caller's per-account lock is released.
 *
 * <p>Failures are {@link SpotifyTokenException}s. A refused refresh token marks the account {@link
 * AccountStatus#NEEDS_RECONNECT} (committed, audited); from then on, and for disconnected accounts,
 * Spotify is not asked at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SpotifyTokenStore {

  private static final String REFRESH_AHEAD_KEY = "marquee.spotify.refresh-ahead";

  private static final Logger LOG = Logger.getLogger(SpotifyTokenStore.class.getName());

  @Inject EntityManager em;

  @Inject Vault vault;

  @Inject SpotifyClients clients;

  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = REFRESH_AHEAD_KEY, defaultValue = "PT5M")
  Duration refreshAhead;

  Clock clock = Clock.systemUTC();

  /**
   * A valid access token for the account, refreshed first when it expires soon.
   *
   * @throws NotFoundException when there is no such account
   * @throws SpotifyReconnectNeededException when the account must be connected again
   * @throws SpotifyNotConnectedException when the account was disconnected
   * @throws SpotifyRetryLaterException when Spotify is unavailable; nothing changed
   * @throws SpotifyRefreshFailedException when Spotify refused the app or answered unexpectedly
   */
  public String accessToken(UUID accountId) {
    SpotifyAccount account = connected(accountId);
    if (account.accessTokenExpiresWithin(refreshAhead, clock.instant())) {
      // Wait for whoever is refreshing, then look again: they may have done it already.
      lockAndReadAgain(account);
      if (account.accessTokenExpiresWithin(refreshAhead, clock.instant())) {
        return refresh(account);
      }
    }
    return open(account, account.accessToken().orElseThrow(), SecretPurpose.SPOTIFY_ACCESS_TOKEN);
  }

  /**
   * A new access token after Spotify refused {@code rejected} (HTTP 401) before its expiry:
   * refreshed now, unless another caller already replaced it, in which case that token is returned.
   *
   * @throws NotFoundException when there is no such account
   * @throws SpotifyReconnectNeededException when the account must be connected again
   * @throws SpotifyNotConnectedException when the account was disconnected
   * @throws SpotifyRetryLaterException when Spotify is unavailable; nothing changed
   * @throws SpotifyRefreshFailedException when Spotify refused the app or answered unexpectedly
   */
  public String accessTokenReplacing(UUID accountId, String rejected) {
    SpotifyAccount account = connected(accountId);
    lockAndReadAgain(account);
    String current =
        open(account, account.accessToken().orElseThrow(), SecretPurpose.SPOTIFY_ACCESS_TOKEN);
    return current.equals(rejected) ? refresh(account) : current;
  }

  private SpotifyAccount connected(UUID accountId) {
    SpotifyAccount account = accountId == null ? null : em.find(SpotifyAccount.class, accountId);
    if (account == null) {
      throw new NotFoundException("Spotify account");
    }
    requireConnected(account);
    return account;
  }

  /**
   * Takes the account's row lock until the transaction ends, then reads the row again: what a
   * previous holder committed is seen. The lock is a write that changes nothing, not a locking
   * read: in our tests on PostgreSQL the lock of {@code refresh(entity, PESSIMISTIC_WRITE)} was not
   * held, and concurrent callers each refreshed.
   */
  private void lockAndReadAgain(SpotifyAccount account) {
    em.createNativeQuery("UPDATE spotify_account SET version = version WHERE id = ?")
        .setParameter(1, account.id())
        .executeUpdate();
    em.refresh(account);
    requireConnected(account);
  }

  private String refresh(SpotifyAccount account) {
    SpotifyApp app = em.find(SpotifyApp.class, account.appId());
    String refreshToken =
        open(account, account.refreshToken().orElseThrow(), SecretPurpose.SPOTIFY_REFRESH_TOKEN);
    SpotifyTokens tokens;
    try {
      tokens = clients.accountsFor(app).refresh(refreshToken);
    } catch (SecretUnreadableException e) {
      String message =
          "Marquee could not read the Spotify app's stored client secret; enter it again under"
              + " Spotify app.";
      account.failed(message, clock.instant());
      throw new SpotifyRefreshFailedException(account.id(), message);
    } catch (SpotifyGrantRejectedException e) {
      throw reconnectNeeded(account, e.getMessage());
    } catch (SpotifyUnavailableException e) {
      LOG.info(() -> "Refreshing Spotify account " + account.id() + " failed: " + e.reason());
      throw new SpotifyRetryLaterException(
          account.id(), e.getMessage(), e.retryAfter().orElse(null));
    } catch (SpotifyAccountsException e) {
      // The rest: Spotify refused the app, or answered what the protocol does not allow.
      return refreshFailed(account, e);
    }
    Instant now = clock.instant();
    String owner = account.id().toString();
    Optional<String> rotated =
        tokens.refreshToken().equals(refreshToken)
            ? Optional.empty()
            : Optional.of(tokens.refreshToken());
    account.refreshed(
        vault.seal(tokens.accessToken(), SecretPurpose.SPOTIFY_ACCESS_TOKEN, owner),
        tokens.expiresAt(),
        rotated.map(value -> vault.seal(value, SecretPurpose.SPOTIFY_REFRESH_TOKEN, owner)),
        tokens.scopes(),
        now);
    return tokens.accessToken();
  }

  private String refreshFailed(SpotifyAccount account, SpotifyAccountsException e) {
    account.failed(e.getMessage(), clock.instant());
    LOG.warning(() -> "Refreshing Spotify account " + account.id() + " failed: " + e.getMessage());
    audit.record(
        AuditAction.SPOTIFY_REFRESH_FAILED,
        account.organizationId(),
        null,
        null,
        "Spotify account " + account.displayName() + ": " + e.getMessage());
    throw new SpotifyRefreshFailedException(account.id(), e.getMessage());
  }

  private SpotifyReconnectNeededException reconnectNeeded(SpotifyAccount account, String why) {
    account.needsReconnect(why, clock.instant());
    audit.record(
        AuditAction.SPOTIFY_REFRESH_FAILED,
        account.organizationId(),
        null,
        null,
        "Spotify account " + account.displayName() + " must be reconnected: " + why);
    LOG.info(() -> "Spotify account " + account.id() + " must be reconnected: " + why);
    return new SpotifyReconnectNeededException(account.id(), why);
  }

  private String open(
      SpotifyAccount account, dev.marquee.vault.entity.Sealed sealed, SecretPurpose purpose) {
    try {
      return vault.open(sealed, purpose, account.id().toString());
    } catch (SecretUnreadableException e) {
      throw reconnectNeeded(
          account,
          "Marquee could not read this account's stored tokens (the vault key that sealed them is"
              + " gone): the account must be reconnected.");
    }
  }

  private static void requireConnected(SpotifyAccount account) {
    switch (account.status()) {
      case CONNECTED -> {
        // usable
      }
      case NEEDS_RECONNECT ->
          throw new SpotifyReconnectNeededException(
              account.id(),
              account
                  .lastError()
                  .orElse("Spotify refused this account's refresh token: reconnect it."));
      case DISCONNECTED -> throw new SpotifyNotConnectedException(account.id());
    }
  }
}
