package dev.marquee.console.widgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SourceOrderTest {

  private final UUID gym = UUID.randomUUID();
  private final UUID shop = UUID.randomUUID();
  private final UUID office = UUID.randomUUID();
  private final Map<UUID, String> names = new LinkedHashMap<>();

  {
    names.put(gym, "Gym");
    names.put(shop, "Shop");
    names.put(office, "Office");
  }

  @Test
  void accountsAreAddedAtTheEndMovedOnePlaceAndRemoved() {
    SourceOrder order = SourceOrder.of(List.of());
    order.add(gym, names);
    order.add(shop, names);
    order.add(office, names);
    assertThat(order.accounts()).containsExactly(gym, shop, office);

    order.up(office, names);
    assertThat(order.accounts()).containsExactly(gym, office, shop);
    order.down(gym, names);
    assertThat(order.accounts()).containsExactly(office, gym, shop);
    order.remove(gym, names);
    assertThat(order.accounts()).containsExactly(office, shop);
    assertThat(order.shows(gym)).isFalse();
  }

  @Test
  void aMovePastEitherEndIsRefusedAndTheOrderStays() {
    SourceOrder order = SourceOrder.of(List.of(gym, shop));

    assertThatThrownBy(() -> order.up(gym, names))
        .isInstanceOf(SourceOrder.InvalidOrderException.class)
        .hasMessage("Gym is tried first already.");
    assertThatThrownBy(() -> order.down(shop, names))
        .isInstanceOf(SourceOrder.InvalidOrderException.class)
        .hasMessage("Shop is tried last already.");
    assertThat(order.accounts()).containsExactly(gym, shop);
  }

  @Test
  void anAccountNotOfTheOrganizationOrShownTwiceIsRefusedAndTheOrderStays() {
    SourceOrder order = SourceOrder.of(List.of(gym));
    UUID foreign = UUID.randomUUID();

    assertThatThrownBy(() -> order.add(foreign, names))
        .hasMessage("That is not one of this organization's Spotify accounts.");
    assertThatThrownBy(() -> order.add(null, names))
        .hasMessage("That is not one of this organization's Spotify accounts.");
    assertThatThrownBy(() -> order.add(gym, names)).hasMessage("Gym is shown already.");
    assertThatThrownBy(() -> order.up(foreign, names))
        .hasMessage("That is not one of the Spotify accounts this configuration shows.");
    assertThatThrownBy(() -> order.remove(shop, names))
        .hasMessage("Shop is not shown; add it first.");
    assertThat(order.accounts()).containsExactly(gym);
  }

  @Test
  void theOrderFieldReadsBackWhatItWroteAndRefusesAnythingElse() {
    SourceOrder order = SourceOrder.of(List.of(shop, gym));

    assertThat(SourceOrder.parse(order.field(), names).accounts()).containsExactly(shop, gym);
    assertThat(SourceOrder.parse(null, names).accounts()).isEmpty();
    assertThat(SourceOrder.parse(" ", names).accounts()).isEmpty();
    assertThatThrownBy(() -> SourceOrder.parse(shop + ",1", names))
        .hasMessage("The order of the accounts is not a list of accounts.");
    assertThatThrownBy(() -> SourceOrder.parse(shop + ",," + gym, names))
        .hasMessage("The order of the accounts is not a list of accounts.");
    assertThatThrownBy(() -> SourceOrder.parse(shop + "," + UUID.randomUUID(), names))
        .hasMessage("That is not one of this organization's Spotify accounts.");
    assertThatThrownBy(() -> SourceOrder.parse(shop + "," + shop, names))
        .hasMessage("Shop is shown already.");
  }
}
