package dev.marquee.widget.entity;

import static dev.marquee.database.control.Columns.utc;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What some of an organization's screens show: a widget definition, option values its options
 * schema allowed (stored complete, defaults filled in), and the Spotify accounts it shows, in the
 * order a screen tries them. It guards its own name and sources; the options are checked by the
 * boundary against the definition's schema before they reach it.
 */
@Entity
@Table(name = "widget_configuration")
@NamedQuery(
    name = WidgetConfiguration.IN_ORGANIZATION,
    query =
        "SELECT c FROM WidgetConfiguration c WHERE c.organizationId = :organization"
            + " ORDER BY c.name")
@NamedQuery(
    name = WidgetConfiguration.BY_NAME,
    query =
        "SELECT c FROM WidgetConfiguration c WHERE c.organizationId = :organization"
            + " AND c.name = :name")
public class WidgetConfiguration {

  public static final String IN_ORGANIZATION = "WidgetConfiguration.inOrganization";
  public static final String BY_NAME = "WidgetConfiguration.byName";

  /** Longest name, in characters. */
  public static final int MAX_NAME = 100;

  /** Most sources one configuration may have: a screen tries them in turn. */
  public static final int MAX_SOURCES = 10;

  @Id private UUID id;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private UUID organizationId;

  @Column(name = "definition_id", nullable = false, updatable = false)
  private UUID definitionId;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "options", nullable = false)
  private String options;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "widget_source", joinColumns = @JoinColumn(name = "configuration_id"))
  @OrderColumn(name = "position")
  @Column(name = "account_id", nullable = false)
  private List<UUID> sources = new ArrayList<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected WidgetConfiguration() {
    // for JPA
  }

  /**
   * @param completeOptions option values already checked against the definition's schema
   * @throws InvalidWidgetConfigurationException when the name or the sources are not acceptable
   */
  public WidgetConfiguration(
      UUID organizationId,
      UUID definitionId,
      String name,
      String completeOptions,
      List<UUID> sources,
      Instant at) {
    this.id = UUID.randomUUID();
    this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
    this.definitionId = Objects.requireNonNull(definitionId, "definitionId");
    this.createdAt = utc(at);
    change(name, completeOptions, sources, at);
  }

  /**
   * Changes name, options and sources at once.
   *
   * @throws InvalidWidgetConfigurationException when the name or the sources are not acceptable
   */
  public void change(String newName, String completeOptions, List<UUID> newSources, Instant at) {
    // Everything is checked before anything changes: a refused change leaves it as it was.
    String checkedName = checkedName(newName);
    List<UUID> checkedSources = checkedSources(newSources);
    this.name = checkedName;
    this.options = Objects.requireNonNull(completeOptions, "options");
    this.sources = new ArrayList<>(checkedSources);
    this.updatedAt = utc(at);
  }

  static String checkedName(String name) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidWidgetConfigurationException("name", "Give the configuration a name.");
    }
    if (trimmed.length() > MAX_NAME) {
      throw new InvalidWidgetConfigurationException(
          "name", "The name is longer than " + MAX_NAME + " characters.");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidWidgetConfigurationException(
          "name", "The name contains control characters.");
    }
    return trimmed;
  }

  static List<UUID> checkedSources(List<UUID> sources) {
    if (sources == null || sources.isEmpty()) {
      throw new InvalidWidgetConfigurationException(
          "sources", "Choose at least one Spotify account to show.");
    }
    if (sources.size() > MAX_SOURCES) {
      throw new InvalidWidgetConfigurationException(
          "sources", "At most " + MAX_SOURCES + " Spotify accounts per configuration.");
    }
    if (sources.stream().anyMatch(Objects::isNull)
        || new LinkedHashSet<>(sources).size() != sources.size()) {
      throw new InvalidWidgetConfigurationException(
          "sources", "Each Spotify account may appear once in the sources.");
    }
    return sources;
  }

  public UUID id() {
    return id;
  }

  public UUID organizationId() {
    return organizationId;
  }

  public UUID definitionId() {
    return definitionId;
  }

  public String name() {
    return name;
  }

  public String optionsJson() {
    return options;
  }

  public List<UUID> sources() {
    return List.copyOf(sources);
  }

  public long version() {
    return version;
  }

  public Instant updatedAt() {
    return updatedAt.toInstant();
  }
}
