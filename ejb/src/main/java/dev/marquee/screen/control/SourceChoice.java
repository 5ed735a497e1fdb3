package dev.marquee.screen.control;

import java.util.List;
import java.util.OptionalInt;

/**
 * Which of a configuration's ordered sources a screen shows: the first that is playing, else the
 * first that is paused, else none (the widget's idle state). Several household or zone accounts
 * behind one screen thus show whoever is actually listening.
 */
public final class SourceChoice {

  private SourceChoice() {}

  /** The position of the source to show, or empty for idle. */
  public static OptionalInt choose(List<SourceState> sources) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).playing()) {
        return OptionalInt.of(i);
      }
    }
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).paused()) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }
}
