package dev.marquee.console.widgets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the form's "position" fields (account id → 1, 2, 3 … or blank) into the ordered list of
 * sources: blank means not shown, equal or non-numeric positions are refused.
 */
final class SourceOrder {

  private SourceOrder() {}

  /** A position the admin typed that cannot order the sources. */
  static final class InvalidPositionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidPositionException(String message) {
      super(message);
    }
  }

  static List<UUID> of(Map<String, String> positions) {
    record Placed(UUID account, int position) {}
    List<Placed> placed = new ArrayList<>();
    for (Map.Entry<String, String> entry : positions.entrySet()) {
      String typed = entry.getValue() == null ? "" : entry.getValue().strip();
      if (typed.isEmpty()) {
        continue;
      }
      int position;
      try {
        position = Integer.parseInt(typed);
      } catch (NumberFormatException e) {
        throw new InvalidPositionException("Positions are whole numbers: 1 is tried first.");
      }
      if (position < 1) {
        throw new InvalidPositionException("Positions are whole numbers: 1 is tried first.");
      }
      placed.add(new Placed(UUID.fromString(entry.getKey()), position));
    }
    placed.sort(Comparator.comparingInt(Placed::position));
    for (int i = 1; i < placed.size(); i++) {
      if (placed.get(i).position() == placed.get(i - 1).position()) {
        throw new InvalidPositionException(
            "Two accounts have position " + placed.get(i).position() + "; give each its own.");
      }
    }
    return placed.stream().map(Placed::account).toList();
  }
}
