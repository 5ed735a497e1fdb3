package dev.marquee.screen.boundary;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.control.OneTimeSecrets;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.polling.entity.NowPlaying;
import dev.marquee.screen.control.FeedStates;
import dev.marquee.screen.control.SourceState;
import dev.marquee.screen.entity.Screen;
import dev.marquee.widget.boundary.WidgetConfigurations;
import dev.marquee.widget.entity.WidgetConfiguration;
import dev.marquee.widget.entity.WidgetDefinition;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the live feed reads and writes: device tokens checked against their digests, last-seen
 * times, and the state of a widget configuration built from its sources' now-playing rows.
 */
@Stateless
public class ScreenFeeds {

  @Inject EntityManager em;

  @Inject WidgetConfigurations configurations;

  Clock clock = Clock.systemUTC();

  /**
   * The screen a device token belongs to, noting where and what it connects from; empty for an
   * unknown, revoked or malformed token.
   */
  public Optional<ScreenIdentity> authenticate(String token, String address, String client) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    Optional<Screen> screen =
        em.createNamedQuery(Screen.BY_TOKEN, Screen.class)
            .setParameter("hash", OneTimeSecrets.digest(token))
            .getResultStream()
            .findFirst();
    screen.ifPresent(
        s -> s.seen(address, client == null ? s.client().orElse(null) : client, now()));
    return screen.map(ScreenFeeds::identity);
  }

  /** The screen as it is now; empty once it was revoked or deleted. */
  public Optional<ScreenIdentity> current(UUID screenId) {
    Screen screen = em.find(Screen.class, screenId);
    return screen == null || screen.revoked() ? Optional.empty() : Optional.of(identity(screen));
  }

  /** The screen's connection ended: it was last seen now. */
  public void disconnected(UUID screenId) {
    Screen screen = em.find(Screen.class, screenId);
    if (screen != null) {
      screen.seen(screen.lastAddress().orElse(null), screen.client().orElse(null), now());
    }
  }

  /**
   * What a screen showing the configuration gets now, for the console's live preview.
   *
   * @throws NotFoundException for a configuration the admin may not manage, or none at all
   */
  public FeedState preview(AdminView admin, UUID configurationId) {
    // Refuses another organization's configuration as it refuses an unknown one.
    configurations.find(admin, configurationId);
    return stateOf(configurationId)
        .orElseThrow(() -> new NotFoundException("Widget configuration"));
  }

  /** The configuration's state as its screens get it; empty when it no longer exists. */
  public Optional<FeedState> stateOf(UUID configurationId) {
    WidgetConfiguration configuration = em.find(WidgetConfiguration.class, configurationId);
    if (configuration == null) {
      return Optional.empty();
    }
    WidgetDefinition definition = em.find(WidgetDefinition.class, configuration.definitionId());
    List<SourceState> sources = configuration.sources().stream().map(this::sourceState).toList();
    JsonObject state = FeedStates.state(configuration, definition, sources, now());
    return Optional.of(
        new FeedState(
            configuration.id(),
            state.getString("version"),
            configuration.sources(),
            definition.revision(),
            state.toString(),
            FeedStates.withoutWidget(state)));
  }

  private SourceState sourceState(UUID accountId) {
    NowPlaying state = em.find(NowPlaying.class, accountId);
    return state == null
        ? SourceState.unknown(accountId)
        : new SourceState(accountId, state.status(), state.playback(), state.version());
  }

  private Instant now() {
    return clock.instant();
  }

  private static ScreenIdentity identity(Screen screen) {
    return new ScreenIdentity(screen.id(), screen.configurationId(), screen.name());
  }
}
