package dev.marquee.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to, so tests can expire tokens, end tracks and slide rate-limit
 * windows without sleeping. Thread-safe.
 */
public final class SandboxClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public SandboxClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  private SandboxClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A controllable clock starting at the current wall-clock time. */
  public static SandboxClock startingNow() {
    return new SandboxClock(Instant.now());
  }

  /** Moves time forward; negative durations are refused because time never runs backwards. */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("The sandbox clock cannot go backwards");
    }
    return now.updateAndGet(current -> current.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Shares the same time source; only the zone differs. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new SandboxClock(now, newZone);
  }

  @Override
  public String toString() {
    return "SandboxClock[" + now.get() + "]";
  }
}
