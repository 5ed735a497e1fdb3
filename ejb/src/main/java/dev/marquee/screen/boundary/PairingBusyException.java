package dev.marquee.screen.boundary;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/**
 * A new pairing code refused because the screen's address already holds as many open codes as it
 * may: the screen is told when to ask again (the HTTP answer's {@code Retry-After}).
 */
@ApplicationException(rollback = true)
public class PairingBusyException extends PairingRefusedException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public PairingBusyException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** How long the screen waits before it asks again: at least a second. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
