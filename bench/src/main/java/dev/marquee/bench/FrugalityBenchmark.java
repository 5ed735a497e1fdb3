package dev.marquee.bench;

import dev.marquee.bench.frugality.CallLog;
import dev.marquee.bench.frugality.Interval;
import dev.marquee.bench.frugality.ListeningTrace;
import dev.marquee.bench.frugality.Observation.Kind;
import dev.marquee.bench.frugality.Pollers;
import dev.marquee.bench.frugality.TraceEvent.Type;
import dev.marquee.polling.control.CallBudget;
import dev.marquee.polling.control.PollPolicy;
import dev.marquee.polling.control.PollSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Frugality: how many calls each poll policy makes over one reference day of listening, and how
 * late screens learn of each change. Marquee runs its real {@link PollPolicy} (and {@link
 * CallBudget}) from the ejb module; the anchors' policies are modelled from their documented
 * intervals. Everything runs in virtual time: the whole day takes well under a second.
 *
 * <p>Prints figures and judges them against the design brief's targets; it asserts nothing and
 * always exits 0.
 *
 * <p>Run (from the repository root; builds the ejb module in the same reactor, installs nothing):
 * {@code ./mvnw -q -pl ejb,bench -am package -DskipTests -Pfrugality}. See docs/benchmarks.md.
 */
public final class FrugalityBenchmark {

  private FrugalityBenchmark() {}

  public static void main(String[] args) {
    ListeningTrace trace = ListeningTrace.reference();
    PollSettings settings = PollSettings.defaults();
    // Spotify does not publish its limit; any budget one account cannot exhaust shows the same.
    CallBudget budget = new CallBudget(100, Duration.ofSeconds(30), 0.5);
    Pollers.MarqueeRun marquee = Pollers.marquee(trace, new PollPolicy(settings), budget);
    CallLog fixed15 = Pollers.blind("Fixed 15 s (Castmill)", trace, Pollers::castmill);
    List<CallLog> logs =
        List.of(
            marquee.log(),
            fixed15,
            Pollers.blind("LEELOO 20/60/120 s", trace, Pollers::leeloo),
            Pollers.blind("Home Assistant 30 s + end", trace, Pollers::homeAssistant));

    describe(trace);
    System.out.println();
    printf(
        "%-27s %8s %9s %9s %9s %9s %10s %7s %10s%n",
        "policy",
        "calls/h",
        "nat. p50",
        "nat. p95",
        "skip p50",
        "skip p95",
        "unwatched",
        "total",
        "% of 15 s");
    for (CallLog log : logs) {
      long[] natural = log.delays(trace, Type.NATURAL_CHANGE);
      long[] skips = log.delays(trace, Type.SKIP);
      printf(
          "%-27s %8.1f %8.1fs %8.1fs %8.1fs %8.1fs %10d %7d %9.1f%%%n",
          log.policy(),
          log.total() / hours(trace.lengthMs()),
          seconds(CallLog.percentile(natural, 0.5)),
          seconds(CallLog.percentile(natural, 0.95)),
          seconds(CallLog.percentile(skips, 0.5)),
          seconds(CallLog.percentile(skips, 0.95)),
          log.callsWhileUnwatched(trace),
          log.total(),
          100.0 * log.total() / fixed15.total());
    }

    System.out.println();
    System.out.println("Other changes (not targeted), and calls while a screen watched:");
    printf(
        "%-27s %12s %12s %10s %10s %9s%n",
        "policy", "start/pause", "start/pause", "seek p50", "seek p95", "watched");
    printf("%-27s %12s %12s %10s %10s %9s%n", "", "/resume p50", "/resume p95", "", "", "calls");
    for (CallLog log : logs) {
      long[] playState =
          concat(
              log.delays(trace, Type.START),
              log.delays(trace, Type.PAUSE),
              log.delays(trace, Type.RESUME));
      long[] seeks = log.delays(trace, Type.SEEK);
      printf(
          "%-27s %11.1fs %11.1fs %9.1fs %9.1fs %9d%n",
          log.policy(),
          seconds(CallLog.percentile(playState, 0.5)),
          seconds(CallLog.percentile(playState, 0.95)),
          seconds(CallLog.percentile(seeks, 0.5)),
          seconds(CallLog.percentile(seeks, 0.95)),
          log.callsWhileWatched(trace));
    }

    CallLog ours = marquee.log();
    double share = 100.0 * ours.total() / fixed15.total();
    double naturalMedian =
        seconds(CallLog.percentile(ours.delays(trace, Type.NATURAL_CHANGE), 0.5));
    double skipP95 = seconds(CallLog.percentile(ours.delays(trace, Type.SKIP), 0.95));
    double base = settings.baseInterval().toMillis() / 1000.0;
    int unwatched = ours.callsWhileUnwatched(trace);
    System.out.println();
    System.out.println("Targets (design brief, for Marquee):");
    target("calls <= 50% of fixed 15 s", String.format(Locale.ROOT, "%.1f%%", share), share <= 50);
    target(
        "natural track changes median <= 1.5 s",
        String.format(Locale.ROOT, "%.1f s", naturalMedian),
        naturalMedian <= 1.5);
    target(
        String.format(Locale.ROOT, "skips p95 <= base interval (%.0f s)", base),
        String.format(Locale.ROOT, "%.1f s", skipP95),
        skipP95 <= base);
    target("zero calls while unwatched", Integer.toString(unwatched), unwatched == 0);
    printf(
        "Marquee's calls while watched: %.1f%% of fixed 15 s's calls while watched"
            + " (the policy alone, without the watcher rule).%n",
        100.0 * ours.callsWhileWatched(trace) / fixed15.callsWhileWatched(trace));
    printf("Call budget: %d refusals (one account never exhausts it).%n", marquee.budgetRefusals());
    long unseen =
        logs.stream().mapToLong(log -> log.unseen(trace, Type.NATURAL_CHANGE)).sum()
            + logs.stream().mapToLong(log -> log.unseen(trace, Type.SKIP)).sum();
    if (unseen > 0) {
      printf(
          "Note: %d watched track changes (all policies) were never seen before the screens went"
              + " off; they are left out of the delays.%n",
          unseen);
    }
  }

  private static void describe(ListeningTrace trace) {
    List<Long> lengths = trace.trackLengths().stream().sorted().toList();
    long watched = trace.watched().stream().mapToLong(Interval::lengthMs).sum();
    long playing = trace.timeIn(Kind.PLAYING, false);
    long playingWatched = trace.timeIn(Kind.PLAYING, true);
    printf(
        "Reference listening trace (seed %d): %.0f h; %.1f h playing, %.1f h of it with no screen"
            + " watching; %.1f h paused; screens watch %.1f h in %d stretches.%n",
        ListeningTrace.REFERENCE_SEED,
        hours(trace.lengthMs()),
        hours(playing),
        hours(playing - playingWatched),
        hours(trace.timeIn(Kind.PAUSED, false)),
        hours(watched),
        trace.watched().size());
    printf(
        "%d tracks, %.1f to %.1f min (median %.1f); %d natural changes, %d skips, %d starts,"
            + " %d pauses, %d resumes, %d seeks.%n",
        lengths.size(),
        lengths.get(0) / 60_000.0,
        lengths.get(lengths.size() - 1) / 60_000.0,
        lengths.get(lengths.size() / 2) / 60_000.0,
        trace.count(Type.NATURAL_CHANGE),
        trace.count(Type.SKIP),
        trace.count(Type.START),
        trace.count(Type.PAUSE),
        trace.count(Type.RESUME),
        trace.count(Type.SEEK));
    System.out.println(
        "Delays count only changes made while a screen watched: the time until the first call"
            + " that observes the change.");
  }

  private static void target(String what, String measured, boolean met) {
    printf("  %-42s %10s  %s%n", what, measured, met ? "met" : "NOT MET");
  }

  private static void printf(String format, Object... args) {
    System.out.print(String.format(Locale.ROOT, format, args));
  }

  private static long[] concat(long[]... parts) {
    return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
  }

  private static double seconds(double millis) {
    return millis / 1000.0;
  }

  private static double hours(long millis) {
    return millis / 3_600_000.0;
  }
}
