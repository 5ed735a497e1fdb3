package dev.marquee.widget.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.polling.entity.Playback;
import dev.marquee.widget.control.OptionsSchema;
import dev.marquee.widget.control.OptionsSchema.Option;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShippedDefinitionTest {

  @Test
  void theNowPlayingDefinitionHasTheOptionsScreensHonour() {
    ShippedDefinition shipped = ShippedDefinition.resource("spotify-now-playing");
    OptionsSchema schema = OptionsSchema.parse(shipped.optionsSchema());

    assertThat(schema.options())
        .extracting(Option::key)
        .containsExactly("theme", "show_progress", "animation", "idle");
    assertThat(schema.options().get(0).values()).containsExactly("dark", "light", "gradient");
    assertThat(schema.options().get(3).values())
        .containsExactly("placeholder", "last-track-dimmed", "clock", "nothing");
    // Every choice has words for admins: the console shows no raw value.
    assertThat(schema.options().stream().flatMap(option -> option.choices().stream()))
        .allSatisfy(choice -> assertThat(choice.label()).isNotEqualTo(choice.value()));
    assertThat(schema.options())
        .allSatisfy(option -> assertThat(option.description()).isNotBlank());
    assertThat(schema.validate("{}").toString())
        .isEqualTo(
            "{\"theme\":\"gradient\",\"show_progress\":true,\"animation\":\"fade\","
                + "\"idle\":\"placeholder\"}");
    assertThat(shipped.aspectRatio()).isEqualTo("16:9");
    assertThat(shipped.updateIntervalSeconds()).isEqualTo(15);
  }

  @Test
  void theDataSchemaNamesWhatThePlaybackModelProvides() {
    ShippedDefinition shipped = ShippedDefinition.resource("spotify-now-playing");
    JsonObject data = Json.createReader(new StringReader(shipped.dataSchema())).readObject();

    assertThat(data.keySet())
        .containsExactlyInAnyOrder(
            "kind",
            "track_name",
            "artist_name",
            "album_name",
            "publisher",
            "album_art_url",
            "album_art_small_url",
            "duration_known",
            "duration_ms",
            "duration_formatted",
            "progress_ms",
            "progress_formatted",
            "progress_percent",
            "is_playing",
            "fetched_at");
    assertThat(data.keySet())
        .containsExactlyInAnyOrderElementsOf(Playback.nothing(Instant.EPOCH).widgetData().keySet());
  }

  @Test
  void anOlderOrSameRevisionDoesNotReplaceTheStoredDefinition() {
    ShippedDefinition shipped = ShippedDefinition.resource("spotify-now-playing");
    WidgetDefinition stored = new WidgetDefinition(shipped, Instant.EPOCH);
    ShippedDefinition newer =
        new ShippedDefinition(
            shipped.slug(),
            "Renamed",
            shipped.description(),
            shipped.revision() + 1,
            shipped.aspectRatio(),
            shipped.updateIntervalSeconds(),
            shipped.optionsSchema(),
            shipped.dataSchema(),
            shipped.template());

    assertThat(stored.upgradeTo(shipped, Instant.EPOCH)).isFalse();
    assertThat(stored.upgradeTo(newer, Instant.EPOCH)).isTrue();
    assertThat(stored.name()).isEqualTo("Renamed");
    assertThat(stored.upgradeTo(shipped, Instant.EPOCH)).isFalse();
    assertThat(stored.name()).isEqualTo("Renamed");
  }
}
