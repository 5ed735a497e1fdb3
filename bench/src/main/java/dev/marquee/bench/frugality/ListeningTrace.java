package dev.marquee.bench.frugality;

import dev.marquee.bench.frugality.Observation.Kind;
import dev.marquee.bench.frugality.TraceEvent.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One day of Spotify's true playback state for one account, and when screens watch it.
 *
 * <p>The {@linkplain #reference() reference trace} is generated from a fixed seed by the rules
 * below, so every run of the benchmark, on every machine, sees the same day (java.util.Random's
 * sequence is specified): three listening sessions (a gym opening in the morning, lunchtime, the
 * evening) separated by long idle stretches; tracks of 2.5 to 6 minutes; exactly one track in every
 * four skipped, a random one of them; a few pauses and seeks; and the screens switched off
 * overnight, in the afternoon and for a short restart in the evening, while music still plays for a
 * while with nobody watching.
 *
 * <p>The state is piecewise: a list of contiguous segments covering the day, each playing (the
 * position advances with time), paused (it stands still) or nothing. A call at instant t observes
 * exactly the segment containing t.
 */
public final class ListeningTrace {

  public static final long SECOND = 1_000;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;
  public static final long DAY = 24 * HOUR;

  /** The seed of the reference trace. Changing it changes every published figure. */
  public static final long REFERENCE_SEED = 20_250_303L;

  static final long SHORTEST_TRACK = 150 * SECOND;
  static final long LONGEST_TRACK = 360 * SECOND;

  /** One track in this many is skipped: exactly one of every block, which one at random. */
  static final int SKIP_ONE_IN = 4;

  static final double PAUSE_RATE = 0.04;
  static final double SEEK_RATE = 0.06;

  /** After the last track of a session the player stays paused this long, then reports nothing. */
  static final long PAUSED_AFTER_SESSION = 20 * MINUTE;

  /** When music plays: the gym's morning, lunchtime and evening. */
  static final List<Interval> REFERENCE_SESSIONS =
      List.of(at(7, 5, 8, 50), at(12, 0, 14, 30), at(17, 30, 21, 50));

  /**
   * When at least one screen shows the account: on before the morning session, off at 14:00 (the
   * lunchtime music plays on for half an hour unwatched), on again at 17:00, a 15-minute restart at
   * 19:10, off at 21:30 while the last session still plays.
   */
  static final List<Interval> REFERENCE_WATCHED =
      List.of(at(6, 45, 14, 0), at(17, 0, 19, 10), at(19, 25, 21, 30));

  /** A contiguous piece of the day with one kind of state. */
  record Segment(
      long startMs, long endMs, Kind kind, int item, long progressAtStartMs, long durationMs) {}

  private final List<Segment> segments;
  private final List<TraceEvent> events;
  private final List<Interval> watched;

  ListeningTrace(List<Segment> segments, List<TraceEvent> events, List<Interval> watched) {
    this.segments = List.copyOf(segments);
    this.events = List.copyOf(events);
    this.watched = List.copyOf(watched);
    long expected = 0;
    for (Segment segment : this.segments) {
      if (segment.startMs() != expected || segment.endMs() < segment.startMs()) {
        throw new IllegalArgumentException("Segments must be contiguous from 0: " + segment);
      }
      expected = segment.endMs();
    }
  }

  /** The benchmark's day. */
  public static ListeningTrace reference() {
    return generate(REFERENCE_SEED, REFERENCE_SESSIONS, REFERENCE_WATCHED);
  }

  /** Spotify's true state at an instant of the day. */
  public Observation observe(long atMs) {
    Segment segment = segmentAt(atMs);
    return switch (segment.kind()) {
      case PLAYING ->
          new Observation(
              Kind.PLAYING,
              segment.item(),
              segment.progressAtStartMs() + (atMs - segment.startMs()),
              segment.durationMs());
      case PAUSED ->
          new Observation(
              Kind.PAUSED, segment.item(), segment.progressAtStartMs(), segment.durationMs());
      case NOTHING -> Observation.NOTHING;
    };
  }

  /** Every change, in time order. */
  public List<TraceEvent> events() {
    return events;
  }

  /** The stretches during which at least one screen watches, in time order. */
  public List<Interval> watched() {
    return watched;
  }

  public boolean isWatched(long atMs) {
    return watchedIntervalAt(atMs) != null;
  }

  /** The watched stretch containing the instant, or {@code null}. */
  public Interval watchedIntervalAt(long atMs) {
    for (Interval interval : watched) {
      if (interval.contains(atMs)) {
        return interval;
      }
    }
    return null;
  }

  public long lengthMs() {
    return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).endMs();
  }

  /** Milliseconds of the day in a state of this kind, all day or only while watched. */
  public long timeIn(Kind kind, boolean onlyWatched) {
    long total = 0;
    for (Segment segment : segments) {
      if (segment.kind() != kind) {
        continue;
      }
      if (!onlyWatched) {
        total += segment.endMs() - segment.startMs();
        continue;
      }
      for (Interval interval : watched) {
        long from = Math.max(segment.startMs(), interval.startMs());
        long to = Math.min(segment.endMs(), interval.endMs());
        total += Math.max(0, to - from);
      }
    }
    return total;
  }

  /** The lengths of all tracks started during the day, in start order. */
  public List<Long> trackLengths() {
    List<Long> lengths = new ArrayList<>();
    int last = 0;
    for (Segment segment : segments) {
      if (segment.kind() != Kind.NOTHING && segment.item() != last) {
        lengths.add(segment.durationMs());
        last = segment.item();
      }
    }
    return lengths;
  }

  public long count(Type type) {
    return events.stream().filter(event -> event.type() == type).count();
  }

  private Segment segmentAt(long atMs) {
    if (atMs < 0 || atMs >= lengthMs()) {
      throw new IllegalArgumentException("Outside the traced day: " + atMs);
    }
    int low = 0;
    int high = segments.size() - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (segments.get(middle).startMs() <= atMs) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return segments.get(low);
  }

  /** Generates a day from a seed: the same seed, sessions and watchers give the same day. */
  static ListeningTrace generate(long seed, List<Interval> sessions, List<Interval> watched) {
    return new Generator(new Random(seed)).day(sessions, watched);
  }

  private static Interval at(int fromHour, int fromMinute, int toHour, int toMinute) {
    return new Interval(fromHour * HOUR + fromMinute * MINUTE, toHour * HOUR + toMinute * MINUTE);
  }

  /** Writes segments one after another; {@code now} is where the next one starts. */
  private static final class Generator {

    private final Random random;
    private final List<Segment> segments = new ArrayList<>();
    private final List<TraceEvent> events = new ArrayList<>();
    private long now;
    private int items;
    private int skippedInBlock;

    Generator(Random random) {
      this.random = random;
    }

    ListeningTrace day(List<Interval> sessions, List<Interval> watched) {
      for (Interval session : sessions) {
        if (session.startMs() < now) {
          throw new IllegalArgumentException("Sessions overlap or are out of order: " + session);
        }
        append(Kind.NOTHING, session.startMs() - now, 0, 0, 0);
        events.add(new TraceEvent(now, Type.START));
        session(session.endMs());
      }
      append(Kind.NOTHING, DAY - now, 0, 0, 0);
      Collections.sort(events, (a, b) -> Long.compare(a.atMs(), b.atMs()));
      return new ListeningTrace(segments, events, watched);
    }

    /** Plays tracks back to back until the listener stops at {@code endMs}. */
    private void session(long endMs) {
      while (true) {
        Ending ending = track(endMs);
        if (ending == Ending.STOPPED) {
          return;
        }
        events.add(new TraceEvent(now, ending == Ending.SKIPPED ? Type.SKIP : Type.NATURAL_CHANGE));
      }
    }

    private enum Ending {
      PLAYED_OUT,
      SKIPPED,
      STOPPED
    }

    /**
     * One track: plays from the start until it ends, is skipped (after some time listened), or the
     * session ends; on the way it may be paused once and seeked once. Skips and pauses count
     * listening time, not position, so a seek does not move them.
     */
    private Ending track(long sessionEndMs) {
      int item = ++items;
      long duration = SHORTEST_TRACK + nextLong(LONGEST_TRACK - SHORTEST_TRACK + 1);
      if ((item - 1) % SKIP_ONE_IN == 0) {
        skippedInBlock = random.nextInt(SKIP_ONE_IN);
      }
      boolean skipped = (item - 1) % SKIP_ONE_IN == skippedInBlock;
      long skipAfter = skipped ? fraction(duration, 0.1, 0.8) : Long.MAX_VALUE;
      long pauseAfter =
          random.nextDouble() < PAUSE_RATE ? fraction(duration, 0.1, 0.9) : Long.MAX_VALUE;
      long pauseLength = MINUTE + nextLong(7 * MINUTE + 1);
      long seekAfter =
          random.nextDouble() < SEEK_RATE ? fraction(duration, 0.2, 0.7) : Long.MAX_VALUE;
      long seekBy = -60 * SECOND + nextLong(150 * SECOND + 1);

      long position = 0;
      long listened = 0;
      while (true) {
        long toEnd = duration - position;
        long toSkip = skipAfter - listened;
        long toPause = pauseAfter - listened;
        long toSeek = seekAfter - listened;
        long toStop = Math.max(0, sessionEndMs - now);
        long step = Math.min(Math.min(toEnd, toSkip), Math.min(Math.min(toPause, toSeek), toStop));
        append(Kind.PLAYING, step, item, position, duration);
        position += step;
        listened += step;
        if (step == toStop) {
          events.add(new TraceEvent(now, Type.PAUSE));
          append(Kind.PAUSED, PAUSED_AFTER_SESSION, item, position, duration);
          return Ending.STOPPED;
        } else if (step == toEnd) {
          return Ending.PLAYED_OUT;
        } else if (step == toSkip) {
          return Ending.SKIPPED;
        } else if (step == toPause && now + pauseLength >= sessionEndMs) {
          // A pause that would outlast the session is the listener stopping for now.
          events.add(new TraceEvent(now, Type.PAUSE));
          append(Kind.PAUSED, PAUSED_AFTER_SESSION, item, position, duration);
          return Ending.STOPPED;
        } else if (step == toPause) {
          events.add(new TraceEvent(now, Type.PAUSE));
          append(Kind.PAUSED, pauseLength, item, position, duration);
          events.add(new TraceEvent(now, Type.RESUME));
          pauseAfter = Long.MAX_VALUE;
        } else {
          events.add(new TraceEvent(now, Type.SEEK));
          position = Math.max(0, Math.min(duration - 5 * SECOND, position + seekBy));
          seekAfter = Long.MAX_VALUE;
        }
      }
    }

    private void append(Kind kind, long lengthMs, int item, long progressMs, long durationMs) {
      if (lengthMs > 0) {
        segments.add(new Segment(now, now + lengthMs, kind, item, progressMs, durationMs));
        now += lengthMs;
      }
    }

    private long fraction(long duration, double from, double to) {
      return Math.max(1, (long) (duration * (from + (to - from) * random.nextDouble())));
    }

    private long nextLong(long bound) {
      return (long) (random.nextDouble() * bound);
    }
  }
}
