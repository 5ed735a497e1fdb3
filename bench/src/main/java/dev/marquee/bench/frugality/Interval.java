package dev.marquee.bench.frugality;

/**
 * A half-open stretch of the traced day, {@code [startMs, endMs)}, in milliseconds since its start.
 */
public record Interval(long startMs, long endMs) {

  public Interval {
    if (endMs < startMs) {
      throw new IllegalArgumentException("An interval cannot end before it starts");
    }
  }

  public boolean contains(long atMs) {
    return atMs >= startMs && atMs < endMs;
  }

  public long lengthMs() {
    return endMs - startMs;
  }
}
