package dev.marquee.screen.boundary;

import java.util.List;
import java.util.UUID;

/**
 * The state message of one widget configuration, as built for all its screens.
 *
 * @param sources the configuration's accounts, in order: the ones its screens watch
 * @param widgetRevision the revision of the widget definition the state is drawn with
 * @param message the protocol's {@code state} message with the widget definition, JSON text
 * @param update the same without the widget definition, for screens that have that revision
 */
public record FeedState(
    UUID configurationId,
    String version,
    List<UUID> sources,
    int widgetRevision,
    String message,
    String update) {

  public FeedState {
    sources = List.copyOf(sources);
  }
}
