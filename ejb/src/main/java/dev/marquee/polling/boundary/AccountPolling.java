package dev.marquee.polling.boundary;

import dev.marquee.polling.entity.FeedStatus;
import dev.marquee.polling.entity.Playback;
import dev.marquee.polling.entity.PollOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How polling stands for one account, for the console: the status in a word, the last and next
 * poll, the last error in words, the calls of the last hour and day, what plays and how far screens
 * can trust it.
 */
public record AccountPolling(
    UUID accountId,
    Status status,
    int watchers,
    Optional<Instant> lastPollAt,
    Optional<Instant> nextPollAt,
    Optional<String> lastError,
    long callsLastHour,
    long callsLastDay,
    Optional<Playback> playback,
    Optional<FeedStatus> feed,
    long version) {

  /** The words the console shows. */
  public enum Status {
    PLAYING("Playing"),
    PAUSED("Paused"),
    IDLE("Nothing playing"),
    STALE("Stale: Spotify has not answered for a while"),
    NEEDS_RECONNECT("Needs reconnect"),
    RATE_LIMITED("Rate limited by Spotify"),
    NOT_WATCHED("Not polled: no screen shows this account"),
    WAITING("Waiting for the first poll");

    private final String words;

    Status(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  static Status statusOf(
      int watchers, Optional<PollOutcome> outcome, Optional<FeedStatus> feed, boolean connected) {
    if (!connected || feed.filter(f -> f == FeedStatus.NEEDS_RECONNECT).isPresent()) {
      return Status.NEEDS_RECONNECT;
    }
    if (feed.filter(f -> f == FeedStatus.STALE).isPresent()) {
      return Status.STALE;
    }
    if (outcome.isPresent()) {
      switch (outcome.get()) {
        case RATE_LIMITED, QUOTA_EXCEEDED:
          return Status.RATE_LIMITED;
        case PLAYING:
          return watchers == 0 ? Status.NOT_WATCHED : Status.PLAYING;
        case PAUSED:
          return watchers == 0 ? Status.NOT_WATCHED : Status.PAUSED;
        case IDLE:
          return watchers == 0 ? Status.NOT_WATCHED : Status.IDLE;
        default:
          break;
      }
    }
    return watchers == 0 ? Status.NOT_WATCHED : Status.WAITING;
  }
}
