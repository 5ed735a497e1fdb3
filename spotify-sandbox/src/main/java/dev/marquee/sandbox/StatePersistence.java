package dev.marquee.sandbox;

import dev.marquee.sandbox.state.StateDocument;
import dev.marquee.sandbox.state.StateFile;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the state file after changes, debounced: the first change schedules a write {@link
 * #DEBOUNCE} later and the changes that follow meanwhile ride along, so a burst of token requests
 * costs one write. {@link #close()} writes whatever is left. Thread-safe.
 */
final class StatePersistence implements AutoCloseable {

  /** Long enough to coalesce a burst, short enough that a killed sandbox loses almost nothing. */
  static final Duration DEBOUNCE = Duration.ofMillis(200);

  private static final Logger LOG = Logger.getLogger(StatePersistence.class.getName());

  private final StateFile file;
  private final Supplier<StateDocument> snapshot;
  private final AtomicLong changes = new AtomicLong();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Object writeLock = new Object();
  private long savedThrough = -1; // guarded by writeLock
  private volatile ScheduledExecutorService scheduler;

  StatePersistence(StateFile file, Supplier<StateDocument> snapshot) {
    this.file = file;
    this.snapshot = snapshot;
  }

  StateFile file() {
    return file;
  }

  /**
   * Writes the current state now and starts writing after changes.
   *
   * @throws IOException when the file cannot be written
   */
  void start() throws IOException {
    writeNow();
    if (scheduler == null) {
      ScheduledThreadPoolExecutor executor =
          (ScheduledThreadPoolExecutor)
              Executors.newScheduledThreadPool(
                  1,
                  task -> {
                    Thread thread = new Thread(task, "spotify-sandbox-state");
                    thread.setDaemon(true);
                    return thread;
                  });
      executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      scheduler = executor;
    }
  }

  /** Something worth keeping changed: schedule a write unless one is already pending. */
  void changed() {
    changes.incrementAndGet();
    ScheduledExecutorService current = scheduler;
    if (current != null && scheduled.compareAndSet(false, true)) {
      try {
        current.schedule(this::scheduledWrite, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        scheduled.set(false); // closing: close() writes
      }
    }
  }

  private void scheduledWrite() {
    // Cleared first: a change from now on schedules another write after this one.
    scheduled.set(false);
    try {
      writeNow();
    } catch (IOException | RuntimeException e) {
      // One line, and no state content: the next change or close() tries again.
      LOG.log(
          Level.WARNING,
          "Cannot write the sandbox state file {0}: {1}",
          new Object[] {file.path(), e.toString()});
    }
  }

  /** Writes the current state unless the file already has every change. */
  void writeNow() throws IOException {
    synchronized (writeLock) {
      long through = changes.get();
      if (through == savedThrough) {
        return;
      }
      file.write(snapshot.get());
      savedThrough = through;
      writeLock.notifyAll();
    }
  }

  /**
   * Waits until every change made before this call is in the file.
   *
   * @return false when that did not happen within the timeout
   */
  boolean awaitWritten(Duration timeout) throws InterruptedException {
    long target = changes.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (writeLock) {
      while (savedThrough < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(writeLock, left);
      }
      return true;
    }
  }

  /** Stops scheduling and writes what is left; a failure is logged, as at shutdown nobody asks. */
  @Override
  public void close() {
    ScheduledExecutorService current = scheduler;
    scheduler = null;
    if (current != null) {
      current.shutdown();
    }
    scheduledWrite();
  }
}
