package dev.marquee.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts requests per user and endpoint, including failed and faulted ones, so tests and benchmarks
 * can assert how many calls a client really made. Thread-safe.
 */
public final class CallCounters {

  /** The user bucket for requests whose caller is unknown (no or unknown token). */
  public static final String ANONYMOUS = "anonymous";

  private record Key(String userId, String endpoint) {}

  private final ConcurrentMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

  /** Records one call; a null user is counted as {@link #ANONYMOUS}. */
  public void record(String userId, String endpoint) {
    Key key = new Key(userId == null ? ANONYMOUS : userId, endpoint);
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
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
  }
}
