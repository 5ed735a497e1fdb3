package dev.marquee.screen.boundary;

import java.util.List;
import java.util.UUID;

/**
 * The state message of one widget configuration, as built for all its screens.
 *
 * @param sources the configuration's accounts, in order: the ones its screens watch
 * @param message the protocol's {@code state} message, JSON text
 */
public record FeedState(UUID configurationId, String version, List<UUID> sources, String message) {

  public FeedState {
    sources = List.copyOf(sources);
  }
}
