package dev.marquee.screen.control;

import dev.marquee.polling.entity.FeedStatus;
import dev.marquee.polling.entity.Playback;
import dev.marquee.polling.entity.PlaybackKind;
import java.util.Objects;
import java.util.UUID;

/**
 * One source of a widget configuration as the feed sees it: the account's last now-playing state
 * and its version, or none yet.
 *
 * @param status {@code null} while the account has no state yet
 * @param playback {@code null} while the account has no state yet
 * @param version the state's version, 0 while there is none
 */
public record SourceState(UUID accountId, FeedStatus status, Playback playback, long version) {

  public SourceState {
    Objects.requireNonNull(accountId, "accountId");
  }

  /** An account nothing is known of yet (never polled). */
  public static SourceState unknown(UUID accountId) {
    return new SourceState(accountId, null, null, 0);
  }

  /**
   * Playing, as far as Marquee can tell: an account that needs reconnecting has a frozen last state
   * and is never taken as playing.
   */
  public boolean playing() {
    return trusted() && playback.playing();
  }

  /** Something (a track, an episode, an ad) is loaded but not playing. */
  public boolean paused() {
    return trusted() && !playback.playing() && playback.kind() != PlaybackKind.NOTHING;
  }

  /** The word the protocol uses for how far the source can be trusted. */
  public String statusName() {
    return status == null ? "WAITING" : status.name();
  }

  private boolean trusted() {
    return playback != null && status != FeedStatus.NEEDS_RECONNECT;
  }
}
