package dev.marquee.widget.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A widget definition as Marquee ships it: a JSON file under {@code widgets/} on the class path,
 * with the schemas and the template kept as the JSON text they are.
 */
public record ShippedDefinition(
    String slug,
    String name,
    String description,
    int revision,
    String aspectRatio,
    int updateIntervalSeconds,
    String optionsSchema,
    String dataSchema,
    String template) {

  public ShippedDefinition {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    if (revision < 1 || updateIntervalSeconds < 1) {
      throw new IllegalArgumentException(slug + ": revision and update interval must be positive");
    }
  }

  /** Reads {@code widgets/SLUG.json} from the class path. */
  public static ShippedDefinition resource(String slug) {
    String path = "widgets/" + slug + ".json";
    try (InputStream in = ShippedDefinition.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No shipped widget definition at " + path);
      }
      try (JsonReader reader = Json.createReader(in)) {
        return of(reader.readObject());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ShippedDefinition of(JsonObject json) {
    return new ShippedDefinition(
        json.getString("slug"),
        json.getString("name"),
        json.getString("description", ""),
        json.getInt("revision"),
        json.getString("aspect_ratio", "16:9"),
        json.getInt("update_interval_seconds", 15),
        json.getJsonObject("options_schema").toString(),
        json.getJsonObject("data_schema").toString(),
        json.getJsonObject("template").toString());
  }
}
