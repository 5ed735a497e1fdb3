package dev.marquee.console.widgets;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.console.frame.Ids;
import dev.marquee.console.frame.Notices;
import dev.marquee.console.frame.Pages;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.Organization;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.spotify.boundary.SpotifyAccountView;
import dev.marquee.spotify.boundary.SpotifyConnections;
import dev.marquee.widget.boundary.WidgetCatalog;
import dev.marquee.widget.boundary.WidgetConfigurationInUseException;
import dev.marquee.widget.boundary.WidgetConfigurationNameTakenException;
import dev.marquee.widget.boundary.WidgetConfigurationView;
import dev.marquee.widget.boundary.WidgetConfigurations;
import dev.marquee.widget.control.InvalidOptionsException;
import dev.marquee.widget.control.OptionsSchema;
import dev.marquee.widget.entity.InvalidWidgetConfigurationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Backs the widget configurations page of one organization: the list, and one form for a new or an
 * existing configuration whose option fields come from the widget's options schema.
 */
@Named
@ViewScoped
public class WidgetsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient Organizations organizations;

  @Inject transient SpotifyConnections connections;

  @Inject transient WidgetConfigurations configurations;

  @Inject transient WidgetCatalog catalog;

  @Inject Notices notices;

  private String organizationParameter;
  private String idParameter;
  private UUID organizationId;
  private String organizationName;
  private UUID editing;
  private boolean found;

  private String name;
  private final HashMap<String, Object> values = new HashMap<>();
  private final HashMap<String, String> positions = new HashMap<>();

  private transient List<WidgetConfigurationView> list;
  private transient List<SpotifyAccountView> accounts;
  private transient OptionsSchema schema;

  public void load() {
    AdminView admin = currentAdmin.require();
    try {
      if (idParameter != null && !idParameter.isBlank()) {
        WidgetConfigurationView existing =
            configurations.find(admin, Ids.require(idParameter, "Widget configuration"));
        editing = existing.id();
        organizationId = existing.organizationId();
        fillFrom(existing);
      } else {
        organizationId = Ids.parse(organizationParameter).orElse(admin.organizationId());
      }
      Organization organization = organizations.visible(admin, organizationId);
      organizationName = organization.name();
      found = true;
      if (editing == null) {
        fillDefaults();
      }
    } catch (NotFoundException e) {
      Pages.notFound();
    }
  }

  public void save() {
    AdminView admin = currentAdmin.require();
    try {
      String options = schema().fromForm(values);
      List<UUID> sources = SourceOrder.of(positions);
      WidgetConfigurationView saved =
          editing == null
              ? configurations.create(
                  admin, organizationId, WidgetCatalog.DEFAULT_SLUG, name, options, sources)
              : configurations.change(admin, editing, name, options, sources);
      notices.success("Saved " + saved.name() + ".");
      Pages.redirect("/widgets.xhtml?organization=" + organizationId);
    } catch (InvalidOptionsException
        | InvalidWidgetConfigurationException
        | WidgetConfigurationNameTakenException
        | SourceOrder.InvalidPositionException
        | NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  public void delete(UUID configurationId) {
    try {
      WidgetConfigurationView doomed = configurations.find(currentAdmin.require(), configurationId);
      configurations.delete(currentAdmin.require(), configurationId);
      notices.success("Deleted " + doomed.name() + ".");
      Pages.redirect("/widgets.xhtml?organization=" + organizationId);
    } catch (NotFoundException | WidgetConfigurationInUseException e) {
      Pages.problem(e.getMessage());
    }
  }

  /** The option fields, in the schema's order. */
  public List<OptionsSchema.Option> getOptions() {
    return schema().options();
  }

  // Read once per request: the form asks for the options several times while rendering.
  private OptionsSchema schema() {
    if (schema == null) {
      schema =
          catalog
              .bySlug(WidgetCatalog.DEFAULT_SLUG)
              .map(definition -> definition.options())
              .orElse(OptionsSchema.parse("{}"));
    }
    return schema;
  }

  public List<WidgetConfigurationView> getConfigurations() {
    if (list == null) {
      list = found ? configurations.of(currentAdmin.require(), organizationId) : List.of();
    }
    return list;
  }

  public List<SpotifyAccountView> getAccounts() {
    if (accounts == null) {
      accounts = found ? connections.accounts(currentAdmin.require(), organizationId) : List.of();
    }
    return accounts;
  }

  /** "Gym, Office": the sources of a listed configuration by their names. */
  public String sourceNames(WidgetConfigurationView configuration) {
    Map<UUID, String> names = new HashMap<>();
    getAccounts().forEach(account -> names.put(account.id(), account.displayName()));
    return String.join(
        ", ", configuration.sources().stream().map(id -> names.getOrDefault(id, "?")).toList());
  }

  private void fillDefaults() {
    getOptions()
        .forEach(
            option -> {
              if (option.defaultValue() != null) {
                values.put(option.key(), plain(option.defaultValue()));
              }
            });
  }

  private void fillFrom(WidgetConfigurationView existing) {
    name = existing.name();
    JsonObject stored = Json.createReader(new StringReader(existing.options())).readObject();
    stored.forEach((key, value) -> values.put(key, plain(value)));
    List<UUID> sources = existing.sources();
    for (int i = 0; i < sources.size(); i++) {
      positions.put(sources.get(i).toString(), Integer.toString(i + 1));
    }
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case STRING -> ((jakarta.json.JsonString) value).getString();
      default -> value.toString();
    };
  }

  public boolean isFound() {
    return found;
  }

  public boolean isEditing() {
    return editing != null;
  }

  public String getOrganizationName() {
    return organizationName;
  }

  public UUID getOrganizationId() {
    return organizationId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Map<String, Object> getValues() {
    return values;
  }

  public Map<String, String> getPositions() {
    return positions;
  }

  public String getOrganization() {
    return organizationParameter;
  }

  public void setOrganization(String organization) {
    this.organizationParameter = organization;
  }

  public String getId() {
    return idParameter;
  }

  public void setId(String id) {
    this.idParameter = id;
  }
}
