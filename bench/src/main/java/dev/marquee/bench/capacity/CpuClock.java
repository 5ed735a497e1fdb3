package dev.marquee.bench.capacity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a Linux process, read from {@code /proc/PID/stat} (user plus system time, in clock
 * ticks of 1/100 s, the value of {@code getconf CLK_TCK} on Linux for x86 and ARM).
 */
public final class CpuClock {

  private static final double TICKS_PER_SECOND = 100.0;

  private final Path stat;
  private final long startTicks;
  private final long startNanos;

  private CpuClock(Path stat) {
    this.stat = stat;
    this.startTicks = ticks();
    this.startNanos = System.nanoTime();
  }

  public static CpuClock ofProcess(long pid) {
    return new CpuClock(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** Cores kept busy on average since this clock started: 1.0 is one core all the time. */
  public double coresSince() {
    double cpuSeconds = (ticks() - startTicks) / TICKS_PER_SECOND;
    double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
    return cpuSeconds / wallSeconds;
  }

  private long ticks() {
    try {
      String line = Files.readString(stat);
      // The command name, in parentheses, may hold spaces: fields count from after it.
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
