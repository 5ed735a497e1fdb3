package dev.marquee.polling.boundary;

import dev.marquee.polling.entity.FeedStatus;
import dev.marquee.polling.entity.Playback;
import java.util.UUID;

/**
 * A meaningful change of what an account plays (or of how far it can be trusted), fired once per
 * new version inside the transaction that stores it. The push layer observes it with {@code during
 * = TransactionPhase.AFTER_SUCCESS}, so screens never hear of a state that was rolled back.
 */
public record PlaybackChanged(
    UUID accountId, UUID organizationId, long version, FeedStatus status, Playback playback) {}
