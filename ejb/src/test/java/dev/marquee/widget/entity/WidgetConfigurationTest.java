package dev.marquee.widget.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WidgetConfigurationTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private final UUID first = UUID.randomUUID();
  private final UUID second = UUID.randomUUID();

  @Test
  void keepsTheSourcesInTheGivenOrderAndTrimsTheName() {
    WidgetConfiguration configuration = configuration("  Gym floor ", List.of(second, first));

    assertThat(configuration.name()).isEqualTo("Gym floor");
    assertThat(configuration.sources()).containsExactly(second, first);
  }

  @Test
  void refusesABlankLongOrControlCharacterName() {
    assertThatThrownBy(() -> configuration(" ", List.of(first)))
        .isInstanceOfSatisfying(
            InvalidWidgetConfigurationException.class, e -> assertThat(e.field()).isEqualTo("name"))
        .hasMessage("Give the configuration a name.");
    assertThatThrownBy(() -> configuration("x".repeat(101), List.of(first)))
        .hasMessageContaining("longer than 100");
    assertThatThrownBy(() -> configuration("Bell\u0007", List.of(first)))
        .hasMessageContaining("control characters");
  }

  @Test
  void refusesNoneTooManyOrRepeatedSources() {
    assertThatThrownBy(() -> configuration("Empty", List.of()))
        .isInstanceOfSatisfying(
            InvalidWidgetConfigurationException.class,
            e -> assertThat(e.field()).isEqualTo("sources"))
        .hasMessage("Choose at least one Spotify account to show.");
    List<UUID> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(UUID.randomUUID());
    }
    assertThatThrownBy(() -> configuration("Many", eleven)).hasMessageContaining("At most 10");
    assertThatThrownBy(() -> configuration("Twice", List.of(first, first)))
        .hasMessageContaining("once");
    assertThatThrownBy(() -> configuration("Null", Arrays.asList(first, null)))
        .hasMessageContaining("once");
  }

  @Test
  void aRefusedChangeLeavesTheConfigurationAsItWas() {
    WidgetConfiguration configuration = configuration("Shop", List.of(first));

    assertThatThrownBy(() -> configuration.change("Shop", "{}", List.of(), NOW.plusSeconds(1)))
        .isInstanceOf(InvalidWidgetConfigurationException.class);
    assertThatThrownBy(() -> configuration.change("", "{}", List.of(second), NOW.plusSeconds(1)))
        .isInstanceOf(InvalidWidgetConfigurationException.class);

    assertThat(configuration.name()).isEqualTo("Shop");
    assertThat(configuration.sources()).containsExactly(first);
    assertThat(configuration.updatedAt()).isEqualTo(NOW);
  }

  private WidgetConfiguration configuration(String name, List<UUID> sources) {
    return new WidgetConfiguration(UUID.randomUUID(), UUID.randomUUID(), name, "{}", sources, NOW);
  }
}
