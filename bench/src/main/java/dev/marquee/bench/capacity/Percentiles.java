package dev.marquee.bench.capacity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a sample; an empty sample reads as zero everywhere. */
public final class Percentiles {

  private final List<Long> sorted;

  public Percentiles(List<Long> sample) {
    this.sorted = new ArrayList<>(sample);
    Collections.sort(sorted);
  }

  public long at(double fraction) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(fraction * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  public long max() {
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
  }

  public int size() {
    return sorted.size();
  }
}
