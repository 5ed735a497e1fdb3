package dev.marquee.sandbox.playback;

import java.time.Instant;

/**
 * What a player was doing at one instant.
 *
 * @param item the current item, null only when the queue is empty
 * @param queueIndex position of {@code item} in the queue
 * @param progressMs position in the item at {@code capturedAt}
 * @param changedAt when playback last changed (play, pause, seek, skip, a new item started)
 * @param capturedAt the sandbox-clock instant this snapshot describes
 */
public record PlaybackSnapshot(
    PlaybackState state,
    PlayableItem item,
    int queueIndex,
    long progressMs,
    Instant changedAt,
    Instant capturedAt) {

  public boolean isPlaying() {
    return state == PlaybackState.PLAYING;
  }

  /** True when Spotify would report nothing at all (204): stopped or nothing queued. */
  public boolean isIdle() {
    return state == PlaybackState.STOPPED || item == null;
  }

  /** Milliseconds until the current item ends, if it keeps playing. */
  public long remainingMs() {
    return item == null ? 0 : Math.max(0, item.durationMs() - progressMs);
  }
}
