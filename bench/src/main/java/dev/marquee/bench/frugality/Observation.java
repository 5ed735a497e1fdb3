package dev.marquee.bench.frugality;

/**
 * What a call to currently-playing would have answered at one instant of the trace.
 *
 * @param kind playing, paused or nothing
 * @param item which play of which track (a new number every time a track starts, so replaying a
 *     track is a change too); 0 when nothing is playing
 * @param progressMs the position in the item
 * @param durationMs the item's length; 0 when nothing is playing
 */
public record Observation(Kind kind, int item, long progressMs, long durationMs) {

  /** The three answers scheduling tells apart. */
  public enum Kind {
    PLAYING,
    PAUSED,
    NOTHING
  }

  static final Observation NOTHING = new Observation(Kind.NOTHING, 0, 0, 0);
}
