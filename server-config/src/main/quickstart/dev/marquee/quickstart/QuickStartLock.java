package dev.marquee.quickstart;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code data/quickstart.lock}: held by the Maven process that runs the quick start, from its first
 * step (before anything is built) until it exits. The lock is the operating system's, so it goes
 * with the process however that process ends (even {@code kill -9}): a lock file left behind never
 * blocks the next start. Who holds it is written to {@code data/quickstart.properties}, for the
 * message a second start prints: a file of its own, because closing any descriptor of the locked
 * file in the holding process would release the lock (POSIX record locks).
 */
final class QuickStartLock {

  static final String FILE = "quickstart.lock";
  static final String HOLDER = "quickstart.properties";

  /**
   * Every channel this class opened on the lock file: never closed nor collected (either would
   * release the lock) until the JVM exits. A shutdown hook makes the list reachable for as long:
   * exec:java drops this class (and its loader) once the check has run.
   */
  private static final List<FileChannel> OPEN = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(QuickStartLock::closeAll, "quickstart-lock-release"));
  }

  private final Path holderFile;

  private QuickStartLock(Path holderFile) {
    this.holderFile = holderFile;
  }

  /**
   * Takes the lock, or returns empty when another process holds it. A lock this process holds
   * already (taken by the check before the build) counts as taken. Opening the file changes neither
   * its content nor its modification time.
   */
  static Optional<QuickStartLock> tryAcquire(Path dataDirectory) {
    Path file = dataDirectory.resolve(FILE);
    try {
      Files.createDirectories(dataDirectory);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      OPEN.add(channel);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldHere) {
        return Optional.of(new QuickStartLock(dataDirectory.resolve(HOLDER)));
      }
      if (lock == null) {
        // Another process holds it; this one opened the file only (no content, no time changed).
        OPEN.remove(channel);
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new QuickStartLock(dataDirectory.resolve(HOLDER)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + file, e);
    }
  }

  /** What the holder wrote about itself (empty properties when it wrote nothing yet). */
  static Properties holder(Path dataDirectory) {
    Properties holder = new Properties();
    try {
      holder.load(
          new StringReader(
              Files.readString(dataDirectory.resolve(HOLDER), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      // Unreadable: the message says less, nothing else changes.
    }
    return holder;
  }

  /** Replaces what {@code quickstart.properties} says about the holder. */
  void describe(Properties holder) {
    StringWriter text = new StringWriter();
    try {
      holder.store(text, "Marquee quick start: who holds data/quickstart.lock");
      Files.writeString(holderFile, text.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + holderFile, e);
    }
  }

  private static void closeAll() {
    for (FileChannel channel : OPEN) {
      try {
        channel.close();
      } catch (IOException e) {
        // The process ends: the operating system releases the lock anyway.
      }
    }
  }
}
