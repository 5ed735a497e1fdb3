package dev.marquee.spotify.boundary;

import dev.marquee.platform.boundary.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Valid access tokens for the poller. A token that expires within {@code
 * marquee.spotify.refresh-ahead} (5 minutes by default) is refreshed first, once however many
 * callers ask at the same time.
 *
 * <p>Callers of one account on this node take turns on a lock that is held until the refresh has
 * committed, so the next caller finds the new token; nodes sharing the database take turns on the
 * account's row lock inside the transaction. Why the node lock: on Payara Micro with Marquee's
 * self-opened persistence unit, the row lock alone did not keep eight concurrent callers of one
 * node apart (each refreshed), see docs/architecture.md.
 *
 * <p>Both methods fail as {@link SpotifyTokenStore}'s do: {@link NotFoundException} for an unknown
 * account, otherwise a {@link SpotifyTokenException} saying whether to retry or reconnect.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SpotifyAccessTokens {

  /** Static: every pooled instance of this bean must share the turns. */
  private static final ConcurrentMap<UUID, ReentrantLock> TURNS = new ConcurrentHashMap<>();

  @Inject SpotifyTokenStore store;

  /** A valid access token for the account, refreshed first when it expires soon. */
  public String accessToken(UUID accountId) {
    ReentrantLock turn = turnOf(accountId);
    turn.lock();
    try {
      return store.accessToken(accountId);
    } finally {
      turn.unlock();
    }
  }

  /**
   * A new access token after Spotify refused {@code rejected} (HTTP 401) before its expiry:
   * refreshed now, unless another caller already replaced it.
   */
  public String accessTokenReplacing(UUID accountId, String rejected) {
    ReentrantLock turn = turnOf(accountId);
    turn.lock();
    try {
      return store.accessTokenReplacing(accountId, rejected);
    } finally {
      turn.unlock();
    }
  }

  private static ReentrantLock turnOf(UUID accountId) {
    if (accountId == null) {
      throw new NotFoundException("Spotify account");
    }
    return TURNS.computeIfAbsent(accountId, id -> new ReentrantLock());
  }
}
