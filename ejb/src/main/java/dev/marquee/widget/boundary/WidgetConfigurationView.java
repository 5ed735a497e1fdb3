package dev.marquee.widget.boundary;

import dev.marquee.widget.entity.WidgetConfiguration;
import dev.marquee.widget.entity.WidgetDefinition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A widget configuration as the console shows it.
 *
 * @param options the complete option values, a JSON object
 * @param sources the Spotify accounts it shows, in the order screens try them
 */
public record WidgetConfigurationView(
    UUID id,
    UUID organizationId,
    String name,
    String definitionSlug,
    String definitionName,
    String options,
    List<UUID> sources,
    long version,
    Instant updatedAt) {

  static WidgetConfigurationView of(
      WidgetConfiguration configuration, WidgetDefinition definition) {
    return new WidgetConfigurationView(
        configuration.id(),
        configuration.organizationId(),
        configuration.name(),
        definition.slug(),
        definition.name(),
        configuration.optionsJson(),
        configuration.sources(),
        configuration.version(),
        configuration.updatedAt());
  }
}
