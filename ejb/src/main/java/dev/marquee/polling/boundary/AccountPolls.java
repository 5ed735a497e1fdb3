package dev.marquee.polling.boundary;

import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.polling.control.CallBudget;
import dev.marquee.polling.control.PlayerAnswer;
import dev.marquee.polling.control.PollingSettings;
import dev.marquee.polling.control.SpotifyPlayer;
import dev.marquee.polling.entity.PollOutcome;
import dev.marquee.spotify.boundary.SpotifyAccessTokens;
import dev.marquee.spotify.boundary.SpotifyNotConnectedException;
import dev.marquee.spotify.boundary.SpotifyReconnectNeededException;
import dev.marquee.spotify.boundary.SpotifyRefreshFailedException;
import dev.marquee.spotify.boundary.SpotifyRetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Polls one claimed account: the call budget of its Spotify app, a valid token, the call, one
 * refresh and retry after a 401, then the record. Runs on the poller's executor, never on the timer
 * thread, and outside any transaction: nothing waits on Spotify while holding a database
 * connection.
 */
@ApplicationScoped
public class AccountPolls {

  private static final Logger LOG = Logger.getLogger(AccountPolls.class.getName());

  private static final Duration BUDGET_WINDOW = Duration.ofSeconds(30);

  @Inject SpotifyAccessTokens tokens;

  @Inject SpotifyPlayer player;

  @Inject PollSchedules schedules;

  @Inject PollingSettings settings;

  @Inject PollMetrics metrics;

  private final Map<UUID, CallBudget> budgets = new ConcurrentHashMap<>();

  Clock clock = Clock.systemUTC();

  public void poll(Claim claim) {
    Instant now = clock.instant();
    metrics.lateness(Duration.between(claim.dueAt(), now));
    Optional<Instant> notBefore = budgetOf(claim.appId()).tryAcquire(now, priorityOf(claim));
    if (notBefore.isPresent()) {
      metrics.deferred();
      schedules.defer(claim, notBefore.get());
      return;
    }
    schedules.record(claim, observe(claim.accountId()));
  }

  private Observation observe(UUID accountId) {
    String token;
    try {
      token = tokens.accessToken(accountId);
    } catch (SpotifyReconnectNeededException | SpotifyNotConnectedException e) {
      LOG.info(() -> "Not polling Spotify account " + accountId + " again: " + e.getMessage());
      return Observation.needsReconnect(e.getMessage());
    } catch (SpotifyRetryLaterException | SpotifyRefreshFailedException | NotFoundException e) {
      return Observation.noToken(e.getMessage());
    }
    PlayerAnswer answer = call(token);
    if (!(answer instanceof PlayerAnswer.Unauthorized)) {
      return Observation.answered(answer, 1);
    }
    // A token Spotify refuses before its expiry (revoked, rotated elsewhere): refresh once, retry.
    try {
      metrics.refreshAfterUnauthorized();
      token = tokens.accessTokenReplacing(accountId, token);
    } catch (SpotifyReconnectNeededException | SpotifyNotConnectedException e) {
      LOG.info(() -> "Not polling Spotify account " + accountId + " again: " + e.getMessage());
      return Observation.needsReconnect(e.getMessage());
    } catch (SpotifyRetryLaterException | SpotifyRefreshFailedException | NotFoundException e) {
      return new Observation(Observation.Kind.NO_TOKEN, answer, 1, e.getMessage());
    }
    return Observation.answered(call(token), 2);
  }

  private PlayerAnswer call(String token) {
    PlayerAnswer answer = player.currentlyPlaying(token);
    metrics.called(answer);
    return answer;
  }

  private CallBudget budgetOf(UUID appId) {
    return budgets.computeIfAbsent(
        appId,
        id ->
            new CallBudget(
                settings.callsPer30sPerApp(), BUDGET_WINDOW, settings.reservedForPlaying()));
  }

  private static CallBudget.Priority priorityOf(Claim claim) {
    PollOutcome last = claim.lastOutcome().orElse(PollOutcome.PLAYING);
    return switch (last) {
      case PLAYING -> CallBudget.Priority.PLAYING;
      case PAUSED -> CallBudget.Priority.PAUSED;
      default -> CallBudget.Priority.IDLE;
    };
  }
}
