package dev.marquee.screen.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.polling.entity.FeedStatus;
import dev.marquee.polling.entity.Playback;
import dev.marquee.polling.entity.PlaybackKind;
import dev.marquee.widget.entity.ShippedDefinition;
import dev.marquee.widget.entity.WidgetConfiguration;
import dev.marquee.widget.entity.WidgetDefinition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedStatesTest {

  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  private static final UUID FIRST = UUID.randomUUID();
  private static final UUID SECOND = UUID.randomUUID();

  private final WidgetDefinition definition =
      new WidgetDefinition(ShippedDefinition.resource("spotify-now-playing"), AT);
  private final WidgetConfiguration configuration =
      new WidgetConfiguration(
          UUID.randomUUID(),
          definition.id(),
          "Lobby",
          "{\"theme\":\"dark\",\"show_progress\":true,\"animation\":\"fade\",\"idle\":\"clock\"}",
          List.of(FIRST, SECOND),
          AT);

  @Test
  void theStateCarriesTheWidgetItsOptionsAndTheChosenSourcesData() {
    List<SourceState> sources =
        List.of(SourceState.unknown(FIRST), playing(SECOND, "Shown Song", 4));
    JsonObject state = FeedStates.state(configuration, definition, sources, AT);

    assertThat(state.getString("type")).isEqualTo("state");
    assertThat(state.getJsonNumber("serverTime").longValue()).isEqualTo(AT.toEpochMilli());
    assertThat(state.getJsonObject("widget").getString("slug")).isEqualTo("spotify-now-playing");
    assertThat(state.getJsonObject("widget").getJsonObject("template")).isNotEmpty();
    assertThat(state.getJsonObject("options").getString("theme")).isEqualTo("dark");
    assertThat(state.getBoolean("idle")).isFalse();
    assertThat(state.getInt("source")).isEqualTo(1);
    assertThat(state.getString("status")).isEqualTo("LIVE");
    assertThat(state.getJsonObject("data").getString("track_name")).isEqualTo("Shown Song");
    assertThat(state.getJsonArray("sources")).hasSize(2);
    assertThat(state.getJsonArray("sources").getJsonObject(0).getString("status"))
        .isEqualTo("WAITING");
  }

  @Test
  void anUpdateLeavesTheWidgetDefinitionOutAndNamesItsRevision() {
    List<SourceState> sources = List.of(playing(FIRST, "A", 3), playing(SECOND, "B", 1));
    String full = FeedStates.state(configuration, definition, sources, AT).toString();
    JsonObject update = parse(FeedStates.withoutWidget(parse(full)));

    assertThat(update.containsKey("widget")).isFalse();
    assertThat(update.getInt("widgetRevision")).isEqualTo(definition.revision());
    assertThat(update.getJsonObject("data").getString("track_name")).isEqualTo("A");
    assertThat(update.getString("version")).isEqualTo(parse(full).getString("version"));
    assertThat(update.toString().length()).isLessThan(full.length() / 2);
  }

  @Test
  void anIdleStateHasNoDataAndNamesTheFirstSourcesStatus() {
    List<SourceState> sources =
        List.of(
            new SourceState(FIRST, FeedStatus.NEEDS_RECONNECT, Playback.nothing(AT), 2),
            SourceState.unknown(SECOND));
    JsonObject state = FeedStates.state(configuration, definition, sources, AT);

    assertThat(state.getBoolean("idle")).isTrue();
    assertThat(state.isNull("data")).isTrue();
    assertThat(state.isNull("source")).isTrue();
    assertThat(state.getString("status")).isEqualTo("NEEDS_RECONNECT");
  }

  @Test
  void theVersionChangesWithAnySourceAndNamesTheConfiguration() {
    String before =
        FeedStates.version(
            configuration, definition, List.of(playing(FIRST, "A", 3), playing(SECOND, "B", 9)));
    String after =
        FeedStates.version(
            configuration, definition, List.of(playing(FIRST, "A", 3), playing(SECOND, "C", 10)));
    assertThat(after).isNotEqualTo(before);
    assertThat(before).startsWith(configuration.id().toString());
  }

  @Test
  void theStateNamesNoAccountAndNoOrganization() {
    String message =
        FeedStates.state(
                configuration,
                definition,
                List.of(playing(FIRST, "A", 3), playing(SECOND, "B", 1)),
                AT)
            .toString();
    assertThat(message)
        .doesNotContain(FIRST.toString())
        .doesNotContain(SECOND.toString())
        .doesNotContain(configuration.organizationId().toString());
  }

  private static SourceState playing(UUID account, String title, long version) {
    Playback playback =
        new Playback(
            PlaybackKind.TRACK, true, "id", title, "Artist", "Album", null, null, 1000, 10, AT);
    return new SourceState(account, FeedStatus.LIVE, playback, version);
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
