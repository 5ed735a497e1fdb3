package dev.marquee.device;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next reconnect: {@code first}, doubling up to {@code max}, each delay
 * moved by up to ±20 % at random so that screens a restart disconnected together do not all come
 * back in the same millisecond.
 */
final class Backoff {
  static final double JITTER = 0.2;

  private final Duration first;
  private final Duration max;
  private final DoubleSupplier random;
  private Duration next;

  /**
   * @param random uniform values in [0, 1): {@code Math::random} in production
   */
  Backoff(Duration first, Duration max, DoubleSupplier random) {
    this.first = first;
    this.max = max;
    this.random = random;
    this.next = first;
  }

  /** The protocol's back-off: 1 s doubling to 60 s. */
  static Backoff standard() {
    return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Math::random);
  }

  /** The delay before this attempt; the following one doubles. */
  Duration nextDelay() {
    Duration base = next;
    next = base.multipliedBy(2).compareTo(max) > 0 ? max : base.multipliedBy(2);
    double factor = 1 + JITTER * (2 * random.getAsDouble() - 1);
    return Duration.ofMillis(Math.round(base.toMillis() * factor));
  }

  /** After a connection that worked: start from {@code first} again. */
  void reset() {
    next = first;
  }
}
