package dev.marquee.sandbox.webapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Spotify's rate limit: a call budget per app over a rolling 30-second window. Refused calls do not
 * use up budget, so the {@code Retry-After} it reports is exactly when a call will pass.
 * Thread-safe; time comes from the sandbox clock.
 */
public final class RollingWindowRateLimiter {

  public static final Duration WINDOW = Duration.ofSeconds(30);

  private final Clock clock;
  private final int callsPerWindow;
  private final ConcurrentMap<String, Deque<Instant>> callsByApp = new ConcurrentHashMap<>();

  public RollingWindowRateLimiter(Clock clock, int callsPerWindow) {
    if (callsPerWindow < 1) {
      throw new IllegalArgumentException("The call budget must be at least 1 per 30 s");
    }
    this.clock = clock;
    this.callsPerWindow = callsPerWindow;
  }

  /**
   * Admits a call by {@code clientId} or says how long to wait.
   *
   * @return empty when admitted, else the time until the oldest call leaves the window
   */
  public Optional<Duration> tryAcquire(String clientId) {
    Deque<Instant> calls = callsByApp.computeIfAbsent(clientId, id -> new ArrayDeque<>());
    synchronized (calls) {
      Instant now = clock.instant();
      Instant windowStart = now.minus(WINDOW);
      while (!calls.isEmpty() && !calls.peekFirst().isAfter(windowStart)) {
        calls.pollFirst();
      }
      if (calls.size() < callsPerWindow) {
        calls.addLast(now);
        return Optional.empty();
      }
      return Optional.of(Duration.between(windowStart, calls.peekFirst()));
    }
  }
}
