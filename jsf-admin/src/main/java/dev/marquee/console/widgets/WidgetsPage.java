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
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backs the widget configurations page of one organization: the list, and one form for a new or an
 * existing configuration whose option fields come from the widget's options schema, whose accounts
 * are put in order with buttons, and whose live preview shows the options as they are tried on.
 * Saving stays on the configuration. Every refusal is reported at its field and changes nothing.
 */
@Named
@ViewScoped
public class WidgetsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Client ids of the fields a refusal is reported at. */
  static final String NAME_FIELD = "widget:name";

  static final String ORDER_FIELD = "widget:order";

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient Organizations organizations;

  @Inject transient SpotifyConnections connections;

  @Inject transient WidgetConfigurations configurations;

  @Inject transient WidgetCatalog catalog;

  @Inject Notices notices;

  @Inject PreviewDrafts drafts;

  /** An account of the organization as the sources list shows it. */
  public record Source(UUID id, String name) {}

  private String organizationParameter;
  private String idParameter;
  private UUID organizationId;
  private String organizationName;
  private UUID editing;
  private boolean found;
  private boolean drafted;

  private String name;
  private final HashMap<String, Object> values = new HashMap<>();
  private SourceOrder order = SourceOrder.of(List.of());

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
        // Opened afresh: the form shows what is saved, and so does the preview.
        drafts.forget(editing);
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

  /** Saves, then shows the saved configuration with its live preview (a new one gets its own). */
  public void save() {
    AdminView admin = currentAdmin.require();
    try {
      String options = schema().fromForm(values);
      WidgetConfigurationView saved =
          editing == null
              ? configurations.create(
                  admin,
                  organizationId,
                  WidgetCatalog.DEFAULT_SLUG,
                  name,
                  options,
                  order.accounts())
              : configurations.change(admin, editing, name, options, order.accounts());
      drafts.forget(saved.id());
      notices.success(
          "Saved " + saved.name() + ". Screens showing it change within seconds, as the preview.");
      Faces.redirect("widgets.xhtml?id=%s", saved.id().toString());
    } catch (InvalidOptionsException e) {
      refuse(optionField(e.field()), e);
    } catch (InvalidWidgetConfigurationException e) {
      refuse("name".equals(e.field()) ? NAME_FIELD : ORDER_FIELD, e);
    } catch (WidgetConfigurationNameTakenException e) {
      refuse(NAME_FIELD, e);
    } catch (NotFoundException e) {
      refuse(ORDER_FIELD, e);
    }
  }

  /**
   * Shows the form's options in this configuration's live preview without saving them (the form
   * sends them on every change when scripts run; the Preview button does without).
   */
  public void tryOn() {
    if (editing == null) {
      return;
    }
    try {
      drafts.tryOn(editing, schema().validate(schema().fromForm(values)));
      drafted = true;
    } catch (InvalidOptionsException e) {
      refuse(optionField(e.field()), e);
    }
  }

  public void add(UUID account) {
    reorder(() -> order.add(account, names()));
  }

  public void remove(UUID account) {
    reorder(() -> order.remove(account, names()));
  }

  public void up(UUID account) {
    reorder(() -> order.up(account, names()));
  }

  public void down(UUID account) {
    reorder(() -> order.down(account, names()));
  }

  private void reorder(Runnable change) {
    try {
      change.run();
    } catch (SourceOrder.InvalidOrderException e) {
      refuse(ORDER_FIELD, e);
    }
  }

  /**
   * The order field holds only distinct accounts of the organization; anything else stops the
   * request before it changes the form.
   */
  public void validateOrder(FacesContext context, UIComponent field, Object value) {
    try {
      SourceOrder.parse((String) value, names());
    } catch (SourceOrder.InvalidOrderException e) {
      throw new ValidatorException(
          new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  public void delete(UUID configurationId) {
    try {
      WidgetConfigurationView doomed = configurations.find(currentAdmin.require(), configurationId);
      configurations.delete(currentAdmin.require(), configurationId);
      drafts.forget(configurationId);
      notices.success("Deleted " + doomed.name() + ".");
      Faces.redirect("widgets.xhtml?organization=%s", organizationId.toString());
    } catch (NotFoundException | WidgetConfigurationInUseException e) {
      Messages.addGlobalError(e.getMessage());
    }
  }

  private static void refuse(String clientId, RuntimeException e) {
    Messages.addError(clientId, e.getMessage());
  }

  /** The option's field in the form; the form as a whole when the option is not one of its own. */
  private String optionField(String key) {
    List<OptionsSchema.Option> options = getOptions();
    for (int row = 0; row < options.size(); row++) {
      OptionsSchema.Option option = options.get(row);
      if (option.key().equals(key)) {
        String kind =
            option.isChoice() ? "choice" : "boolean".equals(option.type()) ? "flag" : "text";
        return "widget:option:" + row + ":" + kind;
      }
    }
    return null;
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

  private Map<UUID, String> names() {
    Map<UUID, String> names = new LinkedHashMap<>();
    getAccounts().forEach(account -> names.put(account.id(), account.displayName()));
    return names;
  }

  /** The accounts the configuration shows, first tried first. */
  public List<Source> getShown() {
    Map<UUID, String> names = names();
    return order.accounts().stream()
        .map(id -> new Source(id, names.getOrDefault(id, "?")))
        .toList();
  }

  /** The organization's other accounts, which can be added. */
  public List<Source> getOthers() {
    return names().entrySet().stream()
        .filter(account -> !order.shows(account.getKey()))
        .map(account -> new Source(account.getKey(), account.getValue()))
        .toList();
  }

  /** "Gym, Office": the sources of a listed configuration by their names. */
  public String sourceNames(WidgetConfigurationView configuration) {
    Map<UUID, String> names = names();
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
    order = SourceOrder.of(existing.sources());
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case STRING -> ((JsonString) value).getString();
      default -> value.toString();
    };
  }

  public boolean isFound() {
    return found;
  }

  public boolean isEditing() {
    return editing != null;
  }

  /** Whether the preview shows options tried on but not saved. */
  public boolean isDrafted() {
    return drafted;
  }

  public String getEditingId() {
    return editing == null ? null : editing.toString();
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

  /** The order field: the shown accounts' ids, first tried first (see {@link #validateOrder}). */
  public String getOrder() {
    return order.field();
  }

  public void setOrder(String field) {
    order = SourceOrder.parse(field, names());
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
