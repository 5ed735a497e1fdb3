package dev.marquee.sandbox.playback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One user's scripted playback. Progress is computed from the clock, never from how often anyone
 * asks: when an item's time is up the next one starts exactly at that instant, and the queue loops.
 * Thread-safe; every operation returns the state right after it.
 */
public final class Player {

  private final Clock clock;

  /** Replaced wholesale, never mutated, so readers may look at it without the lock. */
  private volatile List<PlayableItem> queue = List.of();

  private int index;
  private PlaybackState state = PlaybackState.STOPPED;

  /** Position at {@link #anchor}; while playing, position grows with the clock from there. */
  private long anchorPositionMs;

  private Instant anchor;
  private Instant changedAt;

  public Player(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.anchor = clock.instant();
    this.changedAt = anchor;
  }

  /** The current queue (immutable). */
  public List<PlayableItem> queue() {
    return queue;
  }

  public synchronized PlaybackSnapshot snapshot() {
    Instant now = clock.instant();
    catchUp(now);
    return snapshotAt(now);
  }

  /** Replaces the queue and starts playing its first item from the beginning. */
  public synchronized PlaybackSnapshot setQueue(List<? extends PlayableItem> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("The queue needs at least one item");
    }
    Instant now = clock.instant();
    queue = List.copyOf(items);
    index = 0;
    state = PlaybackState.PLAYING;
    restartAt(0, now);
    return snapshotAt(now);
  }

  /** Resumes a paused or stopped player where it was. */
  public synchronized PlaybackSnapshot play() {
    Instant now = requireQueueAndCatchUp();
    if (state != PlaybackState.PLAYING) {
      state = PlaybackState.PLAYING;
      restartAt(anchorPositionMs, now);
    }
    return snapshotAt(now);
  }

  public synchronized PlaybackSnapshot pause() {
    Instant now = requireQueueAndCatchUp();
    if (state == PlaybackState.PLAYING) {
      anchorPositionMs = positionAt(now);
      anchor = now;
      state = PlaybackState.PAUSED;
      changedAt = now;
    }
    return snapshotAt(now);
  }

  /** Goes to the next item (looping), keeping the playing/paused/stopped state. */
  public synchronized PlaybackSnapshot skip() {
    Instant now = requireQueueAndCatchUp();
    index = nextIndex(index);
    restartAt(0, now);
    return snapshotAt(now);
  }

  /** Goes to the previous item (looping), keeping the playing/paused/stopped state. */
  public synchronized PlaybackSnapshot previous() {
    Instant now = requireQueueAndCatchUp();
    index = Math.floorMod(index - 1, queue.size());
    restartAt(0, now);
    return snapshotAt(now);
  }

  /** Moves within the current item. Like Spotify, a position past the end starts the next item. */
  public synchronized PlaybackSnapshot seek(long positionMs) {
    if (positionMs < 0) {
      throw new IllegalArgumentException("position_ms must not be negative");
    }
    Instant now = requireQueueAndCatchUp();
    if (positionMs >= current().durationMs()) {
      index = nextIndex(index);
      positionMs = 0;
    }
    restartAt(positionMs, now);
    return snapshotAt(now);
  }

  /** Ends playback: the user has no active device, so Spotify answers 204. */
  public synchronized PlaybackSnapshot stop() {
    Instant now = clock.instant();
    catchUp(now);
    if (state != PlaybackState.STOPPED) {
      state = PlaybackState.STOPPED;
      restartAt(0, now);
    }
    return snapshotAt(now);
  }

  private Instant requireQueueAndCatchUp() {
    if (queue.isEmpty()) {
      throw new IllegalStateException("Nothing is queued for this user");
    }
    Instant now = clock.instant();
    catchUp(now);
    return now;
  }

  private void restartAt(long positionMs, Instant now) {
    anchorPositionMs = positionMs;
    anchor = now;
    changedAt = now;
  }

  /**
   * Brings the state up to {@code now}: every item whose time ran out is replaced by its successor,
   * starting exactly when the previous one ended.
   */
  private void catchUp(Instant now) {
    if (state != PlaybackState.PLAYING || queue.isEmpty()) {
      return;
    }
    long position = positionAt(now);
    long duration = current().durationMs();
    if (position < duration) {
      return;
    }
    Instant itemStart = anchor.plusMillis(duration - anchorPositionMs);
    index = nextIndex(index);
    long sinceItemStart = Duration.between(itemStart, now).toMillis();
    long wholeQueue = queue.stream().mapToLong(PlayableItem::durationMs).sum();
    // After a big clock jump, skip whole loops of the queue at once instead of item by item.
    long loops = sinceItemStart / wholeQueue;
    itemStart = itemStart.plusMillis(loops * wholeQueue);
    sinceItemStart -= loops * wholeQueue;
    while (sinceItemStart >= current().durationMs()) {
      long itemDuration = current().durationMs();
      itemStart = itemStart.plusMillis(itemDuration);
      sinceItemStart -= itemDuration;
      index = nextIndex(index);
    }
    restartAt(0, itemStart);
  }

  private long positionAt(Instant now) {
    if (state != PlaybackState.PLAYING) {
      return anchorPositionMs;
    }
    return anchorPositionMs + Math.max(0, Duration.between(anchor, now).toMillis());
  }

  private PlaybackSnapshot snapshotAt(Instant now) {
    PlayableItem item = queue.isEmpty() ? null : current();
    return new PlaybackSnapshot(state, item, index, positionAt(now), changedAt, now);
  }

  private PlayableItem current() {
    return queue.get(index);
  }

  private int nextIndex(int from) {
    return (from + 1) % queue.size();
  }
}
