package dev.marquee.widget.entity;

import static dev.marquee.database.control.Columns.utc;

import dev.marquee.widget.control.OptionsSchema;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * What a kind of widget is, as data: its template (the tree screens render), the options an admin
 * may set and the data it binds to, its aspect ratio and default update interval. Marquee ships its
 * definitions and installs them by slug; a newer revision replaces the stored one.
 */
@Entity
@Table(name = "widget_definition")
@NamedQuery(
    name = WidgetDefinition.BY_SLUG,
    query = "SELECT d FROM WidgetDefinition d WHERE d.slug = :slug")
public class WidgetDefinition {

  public static final String BY_SLUG = "WidgetDefinition.bySlug";

  @Id private UUID id;

  @Column(name = "slug", nullable = false, updatable = false)
  private String slug;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "description", nullable = false)
  private String description;

  @Column(name = "revision", nullable = false)
  private int revision;

  @Column(name = "aspect_ratio", nullable = false)
  private String aspectRatio;

  @Column(name = "update_interval_seconds", nullable = false)
  private int updateIntervalSeconds;

  @Column(name = "options_schema", nullable = false)
  private String optionsSchema;

  @Column(name = "data_schema", nullable = false)
  private String dataSchema;

  @Column(name = "template", nullable = false)
  private String template;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected WidgetDefinition() {
    // for JPA
  }

  public WidgetDefinition(ShippedDefinition shipped, Instant at) {
    this.id = UUID.randomUUID();
    this.slug = shipped.slug();
    take(shipped, at);
  }

  /** Takes a shipped definition's content when it is a newer revision; says whether it did. */
  public boolean upgradeTo(ShippedDefinition shipped, Instant at) {
    if (!slug.equals(shipped.slug())) {
      throw new IllegalArgumentException("Definition " + slug + " cannot become " + shipped.slug());
    }
    if (shipped.revision() <= revision) {
      return false;
    }
    take(shipped, at);
    return true;
  }

  private void take(ShippedDefinition shipped, Instant at) {
    // Parsing checks the schema: a definition whose options cannot be validated never lands.
    OptionsSchema.parse(shipped.optionsSchema());
    this.name = shipped.name();
    this.description = shipped.description();
    this.revision = shipped.revision();
    this.aspectRatio = shipped.aspectRatio();
    this.updateIntervalSeconds = shipped.updateIntervalSeconds();
    this.optionsSchema = shipped.optionsSchema();
    this.dataSchema = shipped.dataSchema();
    this.template = shipped.template();
    this.updatedAt = utc(Objects.requireNonNull(at, "at"));
  }

  public OptionsSchema options() {
    return OptionsSchema.parse(optionsSchema);
  }

  public UUID id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public int revision() {
    return revision;
  }

  public String aspectRatio() {
    return aspectRatio;
  }

  public int updateIntervalSeconds() {
    return updateIntervalSeconds;
  }

  public String optionsSchemaJson() {
    return optionsSchema;
  }

  public String dataSchemaJson() {
    return dataSchema;
  }

  public String templateJson() {
    return template;
  }
}
