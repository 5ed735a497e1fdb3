package dev.marquee.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts requests per user and endpoint, including failed and faulted ones, so tests and benchmarks
 * can assert how many calls a client really made, and logs when each arrived (the newest {@value
 * #LOG_LIMIT} per user and endpoint), so they can check the spacing of calls too. Thread-safe.
 */
public final class CallCounters {

  /** How many call times are kept per user and endpoint; older ones are dropped first. */
  public static final int LOG_LIMIT = 10_000;

  /** The user bucket for requests whose caller is unknown (no or unknown token). */
  public static final String ANONYMOUS = "anonymous";

  private record Key(String userId, String endpoint) {}

  private final ConcurrentMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final ConcurrentMap<Key, Deque<Instant>> times = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Call times are read off {@code clock}: the sandbox's own, so a moved clock moves them too. */
  public CallCounters(Clock clock) {
    this.clock = clock;
  }

  /** Records one call; a null user is counted as {@link #ANONYMOUS}. */
  public void record(String userId, String endpoint) {
    Key key = new Key(userId == null ? ANONYMOUS : userId, endpoint);
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    Deque<Instant> log = times.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (log) {
      log.addLast(clock.instant());
      if (log.size() > LOG_LIMIT) {
        log.removeFirst();
      }
    }
  }

  /**
   * When the user's calls to the endpoint arrived, oldest first (the newest {@value #LOG_LIMIT}).
   */
  public List<Instant> times(String userId, String endpoint) {
    Deque<Instant> log = times.get(new Key(userId, endpoint));
    if (log == null) {
      return List.of();
    }
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  public long calls(String userId, String endpoint) {
    LongAdder adder = counts.get(new Key(userId, endpoint));
    return adder == null ? 0 : adder.sum();
  }

  /** Calls to an endpoint by all users together. */
  public long calls(String endpoint) {
    return counts.entrySet().stream()
        .filter(entry -> entry.getKey().endpoint().equals(endpoint))
        .mapToLong(entry -> entry.getValue().sum())
        .sum();
  }

  /** A sorted copy: user id, then endpoint, then count. */
  public Map<String, Map<String, Long>> snapshot() {
    Map<String, Map<String, Long>> copy = new TreeMap<>();
    counts.forEach(
        (key, adder) ->
            copy.computeIfAbsent(key.userId(), user -> new TreeMap<>())
                .put(key.endpoint(), adder.sum()));
    return copy;
  }

  public void reset() {
    counts.clear();
    times.clear();
  }
}
