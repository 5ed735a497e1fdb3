package dev.marquee.screen.boundary;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.screen.entity.InvalidScreenException;
import dev.marquee.screen.entity.Screen;
import dev.marquee.widget.boundary.WidgetConfigurationView;
import dev.marquee.widget.boundary.WidgetConfigurations;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An organization's paired screens as admins manage them: list with online state, rename, move to
 * another configuration or group, revoke, delete. Every change is audited and reaches the live feed
 * after it commits (a revoked or deleted screen's socket closes at once).
 */
@Stateless
public class Screens {

  @Inject EntityManager em;

  @Inject WidgetConfigurations configurations;

  @Inject LiveScreens live;

  @Inject AuditLog audit;

  @Inject Event<ScreenChanged> changed;

  Clock clock = Clock.systemUTC();

  /**
   * The organization's screens by name.
   *
   * @throws NotFoundException for an organization the admin does not manage
   */
  public List<ScreenView> of(AdminView admin, UUID organizationId) {
    Map<UUID, String> names =
        configurations.of(admin, organizationId).stream()
            .collect(Collectors.toMap(WidgetConfigurationView::id, WidgetConfigurationView::name));
    return em.createNamedQuery(Screen.IN_ORGANIZATION, Screen.class)
        .setParameter("organization", organizationId)
        .getResultStream()
        .map(screen -> view(screen, names::get))
        .toList();
  }

  /**
   * Renames a screen and sets what it shows.
   *
   * @throws InvalidScreenException when the name or group is not acceptable (nothing changes)
   * @throws NotFoundException for a screen or configuration the admin cannot use
   */
  public ScreenView change(
      AdminView admin, UUID screenId, String name, UUID configurationId, String group) {
    Screen screen = managed(admin, screenId);
    WidgetConfigurationView configuration = configurations.find(admin, configurationId);
    if (!configuration.organizationId().equals(screen.organizationId())) {
      throw new NotFoundException("Widget configuration");
    }
    screen.change(name, configuration.id(), group);
    audit.record(
        AuditAction.SCREEN_CHANGED, screen.organizationId(), admin.username(), null, screen.name());
    changed.fire(new ScreenChanged(screen.id()));
    return view(screen, id -> configuration.name());
  }

  /** Revokes a screen: its socket closes and its token stops working; the row stays, listed. */
  public void revoke(AdminView admin, UUID screenId) {
    Screen screen = managed(admin, screenId);
    screen.revoke(clock.instant());
    audit.record(
        AuditAction.SCREEN_REVOKED, screen.organizationId(), admin.username(), null, screen.name());
    changed.fire(new ScreenChanged(screen.id()));
  }

  /** Deletes a screen: as revoke, and it is gone from the list. */
  public void delete(AdminView admin, UUID screenId) {
    Screen screen = managed(admin, screenId);
    em.remove(screen);
    audit.record(
        AuditAction.SCREEN_DELETED, screen.organizationId(), admin.username(), null, screen.name());
    changed.fire(new ScreenChanged(screen.id()));
  }

  private Screen managed(AdminView admin, UUID screenId) {
    Screen screen = screenId == null ? null : em.find(Screen.class, screenId);
    if (screen == null || !admin.canManage(screen.organizationId())) {
      throw new NotFoundException("Screen");
    }
    return screen;
  }

  private ScreenView view(Screen screen, Function<UUID, String> configurationNames) {
    return ScreenView.of(
        screen, configurationNames.apply(screen.configurationId()), live.isOnline(screen.id()));
  }
}
