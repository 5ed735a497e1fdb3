package dev.marquee.widget.boundary;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.spotify.entity.SpotifyAccount;
import dev.marquee.widget.control.InvalidOptionsException;
import dev.marquee.widget.entity.InvalidWidgetConfigurationException;
import dev.marquee.widget.entity.WidgetConfiguration;
import dev.marquee.widget.entity.WidgetDefinition;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * An organization's widget configurations: what its screens show. Every call names the admin and is
 * refused with "not found" for what the admin may not manage (another organization's configuration
 * or Spotify account looks exactly like one that does not exist).
 */
@Stateless
public class WidgetConfigurations {

  @Inject EntityManager em;

  @Inject WidgetCatalog catalog;

  @Inject AuditLog audit;

  @Inject Event<WidgetConfigurationChanged> changed;

  Clock clock = Clock.systemUTC();

  public List<WidgetConfigurationView> of(AdminView admin, UUID organizationId) {
    requireManaged(admin, organizationId);
    return em.createNamedQuery(WidgetConfiguration.IN_ORGANIZATION, WidgetConfiguration.class)
        .setParameter("organization", organizationId)
        .getResultStream()
        .map(this::view)
        .toList();
  }

  public WidgetConfigurationView find(AdminView admin, UUID configurationId) {
    return view(managed(admin, configurationId));
  }

  /**
   * A new configuration.
   *
   * @param optionsJson the option values, a JSON object; missing options get their defaults
   * @throws InvalidOptionsException when the definition's schema does not allow a value
   * @throws InvalidWidgetConfigurationException when the name or the sources are not acceptable
   * @throws WidgetConfigurationNameTakenException when the organization has one of that name
   * @throws NotFoundException for an organization, definition or source the admin cannot use
   */
  public WidgetConfigurationView create(
      AdminView admin,
      UUID organizationId,
      String definitionSlug,
      String name,
      String optionsJson,
      List<UUID> sources) {
    requireManaged(admin, organizationId);
    WidgetDefinition definition =
        catalog.bySlug(definitionSlug).orElseThrow(() -> new NotFoundException("Widget"));
    String options = definition.options().validate(optionsJson).toString();
    requireOwnAccounts(organizationId, sources);
    requireFreeName(organizationId, name, null);
    WidgetConfiguration configuration =
        new WidgetConfiguration(
            organizationId, definition.id(), name, options, sources, clock.instant());
    em.persist(configuration);
    audit.record(
        AuditAction.WIDGET_CONFIGURATION_SAVED,
        organizationId,
        admin.username(),
        null,
        configuration.name());
    return WidgetConfigurationView.of(configuration, definition);
  }

  /**
   * Changes a configuration's name, options and sources at once.
   *
   * @throws InvalidOptionsException when the definition's schema does not allow a value
   * @throws InvalidWidgetConfigurationException when the name or the sources are not acceptable
   * @throws WidgetConfigurationNameTakenException when another configuration has the name
   * @throws NotFoundException for a configuration or source the admin cannot use
   */
  public WidgetConfigurationView change(
      AdminView admin, UUID configurationId, String name, String optionsJson, List<UUID> sources) {
    WidgetConfiguration configuration = managed(admin, configurationId);
    WidgetDefinition definition = definitionOf(configuration);
    String options = definition.options().validate(optionsJson).toString();
    requireOwnAccounts(configuration.organizationId(), sources);
    requireFreeName(configuration.organizationId(), name, configurationId);
    configuration.change(name, options, sources, clock.instant());
    audit.record(
        AuditAction.WIDGET_CONFIGURATION_SAVED,
        configuration.organizationId(),
        admin.username(),
        null,
        configuration.name());
    em.flush();
    changed.fire(new WidgetConfigurationChanged(configuration.id()));
    return WidgetConfigurationView.of(configuration, definition);
  }

  /**
   * Deletes a configuration no screen shows.
   *
   * @throws WidgetConfigurationInUseException when screens show it
   */
  public void delete(AdminView admin, UUID configurationId) {
    WidgetConfiguration configuration = managed(admin, configurationId);
    long screens =
        ((Number)
                em.createNativeQuery("SELECT COUNT(*) FROM screen WHERE configuration_id = ?1")
                    .setParameter(1, configurationId)
                    .getSingleResult())
            .longValue();
    if (screens > 0) {
      throw new WidgetConfigurationInUseException(configuration.name(), screens);
    }
    em.remove(configuration);
    audit.record(
        AuditAction.WIDGET_CONFIGURATION_DELETED,
        configuration.organizationId(),
        admin.username(),
        null,
        configuration.name());
  }

  private WidgetConfiguration managed(AdminView admin, UUID configurationId) {
    WidgetConfiguration configuration =
        configurationId == null ? null : em.find(WidgetConfiguration.class, configurationId);
    if (configuration == null || !admin.canManage(configuration.organizationId())) {
      throw new NotFoundException("Widget configuration");
    }
    return configuration;
  }

  private static void requireManaged(AdminView admin, UUID organizationId) {
    if (organizationId == null || !admin.canManage(organizationId)) {
      throw new NotFoundException("Organization");
    }
  }

  private void requireOwnAccounts(UUID organizationId, List<UUID> sources) {
    for (UUID source : sources == null ? List.<UUID>of() : sources) {
      SpotifyAccount account = source == null ? null : em.find(SpotifyAccount.class, source);
      if (account == null || !account.organizationId().equals(organizationId)) {
        throw new NotFoundException("Spotify account");
      }
    }
  }

  private void requireFreeName(UUID organizationId, String name, UUID except) {
    String trimmed = name == null ? "" : name.strip();
    boolean taken =
        em.createNamedQuery(WidgetConfiguration.BY_NAME, WidgetConfiguration.class)
            .setParameter("organization", organizationId)
            .setParameter("name", trimmed)
            .getResultStream()
            .anyMatch(other -> !other.id().equals(except));
    if (taken) {
      throw new WidgetConfigurationNameTakenException(trimmed);
    }
  }

  private WidgetDefinition definitionOf(WidgetConfiguration configuration) {
    return em.find(WidgetDefinition.class, configuration.definitionId());
  }

  private WidgetConfigurationView view(WidgetConfiguration configuration) {
    return WidgetConfigurationView.of(configuration, definitionOf(configuration));
  }
}
