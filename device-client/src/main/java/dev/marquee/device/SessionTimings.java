package dev.marquee.device;

import java.time.Duration;

/**
 * The waits of a {@link DeviceSession}; tests shorten them.
 *
 * @param connectTimeout how long a TCP connect, a WebSocket handshake or an HTTP request may take
 * @param pickupInterval how often a waiting pairing code is asked about
 * @param refusedCodeWait how long to wait after the server refused a new code (429)
 * @param pingInterval how often the client asks the server's time (and shows it is alive)
 * @param silenceLimit how long a connection may stay silent (no message, no ping) before the client
 *     takes it for dead; above the server's keep-alive (20 s) with room for a missed round
 */
record SessionTimings(
    Duration connectTimeout,
    Duration pickupInterval,
    Duration refusedCodeWait,
    Duration pingInterval,
    Duration silenceLimit) {

  static final SessionTimings STANDARD =
      new SessionTimings(
          Duration.ofSeconds(10),
          Duration.ofSeconds(3),
          Duration.ofSeconds(30),
          Duration.ofSeconds(30),
          Duration.ofSeconds(65));
}
