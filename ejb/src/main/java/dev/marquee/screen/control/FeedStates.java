package dev.marquee.screen.control;

import dev.marquee.widget.entity.WidgetConfiguration;
import dev.marquee.widget.entity.WidgetDefinition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Writes the {@code state} message of the screens protocol (docs/screens-protocol.md): everything a
 * screen needs to draw a configuration, with no reference to anything else. It is the same for
 * every screen of the configuration, so it is built once and sent to all of them.
 */
public final class FeedStates {

  public static final String STATE = "state";

  private FeedStates() {}

  /**
   * The version of a configuration's state: it changes whenever anything in the state does (the
   * configuration, the definition's revision, any source's now-playing version) and it names the
   * configuration, so two configurations never share one. Screens compare it for equality only.
   */
  static String version(
      WidgetConfiguration configuration, WidgetDefinition definition, List<SourceState> sources) {
    String states =
        sources.stream().map(s -> Long.toString(s.version())).collect(Collectors.joining("."));
    return configuration.id()
        + "-c"
        + configuration.version()
        + "-r"
        + definition.revision()
        + "-s"
        + states;
  }

  /** The whole state message: what a screen gets first. */
  public static JsonObject state(
      WidgetConfiguration configuration,
      WidgetDefinition definition,
      List<SourceState> sources,
      Instant now) {
    OptionalInt chosen = SourceChoice.choose(sources);
    JsonObjectBuilder state = Json.createObjectBuilder();
    state
        .add("type", STATE)
        .add("version", version(configuration, definition, sources))
        .add("serverTime", now.toEpochMilli())
        .add(
            "configuration",
            Json.createObjectBuilder()
                .add("id", configuration.id().toString())
                .add("name", configuration.name()))
        .add("widgetRevision", definition.revision())
        .add("options", parse(configuration.optionsJson()))
        .add("idle", chosen.isEmpty())
        .add("sources", sourceList(sources))
        .add("widget", widget(definition));
    if (chosen.isPresent()) {
      SourceState source = sources.get(chosen.getAsInt());
      state.add("source", chosen.getAsInt());
      state.add("status", source.statusName());
      state.add("data", Json.createObjectBuilder(source.playback().widgetData()));
    } else {
      state.addNull("source");
      state.add("status", sources.isEmpty() ? "WAITING" : sources.get(0).statusName());
      state.addNull("data");
    }
    return state.build();
  }

  /**
   * The same state without the widget definition (template and schemas, most of its size), for a
   * screen that already has that revision of it; {@code widgetRevision} still names it.
   */
  public static String withoutWidget(JsonObject state) {
    return Json.createObjectBuilder(state).remove("widget").build().toString();
  }

  private static JsonObjectBuilder widget(WidgetDefinition definition) {
    return Json.createObjectBuilder()
        .add("slug", definition.slug())
        .add("revision", definition.revision())
        .add("aspectRatio", definition.aspectRatio())
        .add("updateIntervalSeconds", definition.updateIntervalSeconds())
        .add("template", parse(definition.templateJson()))
        .add("optionsSchema", parse(definition.optionsSchemaJson()))
        .add("dataSchema", parse(definition.dataSchemaJson()));
  }

  private static jakarta.json.JsonArrayBuilder sourceList(List<SourceState> sources) {
    jakarta.json.JsonArrayBuilder list = Json.createArrayBuilder();
    for (SourceState source : sources) {
      list.add(
          Json.createObjectBuilder()
              .add("status", source.statusName())
              .add("playing", source.playing())
              .add("paused", source.paused()));
    }
    return list;
  }

  private static JsonValue parse(String json) {
    try (jakarta.json.JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
