package dev.marquee.polling.control;

import dev.marquee.polling.entity.Playback;
import java.time.Duration;
import java.util.Optional;

/** What one call to Spotify's currently-playing endpoint came to, before any decision. */
public sealed interface PlayerAnswer {

  /** Spotify said what plays (or that nothing does). */
  record Seen(Playback playback) implements PlayerAnswer {}

  /** 401: the access token was not accepted. */
  record Unauthorized() implements PlayerAnswer {}

  /**
   * 429. {@code quotaExceeded} when the body's {@code error.reason} is {@code QUOTA_EXCEEDED}: the
   * whole Spotify app is out of quota, not only this call.
   */
  record RateLimited(Optional<Duration> retryAfter, boolean quotaExceeded)
      implements PlayerAnswer {}

  /** 5xx, 403, timeouts, refused connections, a body that is not the JSON Spotify documents. */
  record Failed(String reason) implements PlayerAnswer {}
}
