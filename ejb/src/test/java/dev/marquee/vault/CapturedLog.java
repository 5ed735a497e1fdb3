package dev.marquee.vault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what a class logs during a test; close it to detach. */
public final class CapturedLog extends Handler implements AutoCloseable {

  private final Logger logger;
  private final Level previousLevel;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private CapturedLog(Logger logger) {
    this.logger = logger;
    this.previousLevel = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(this);
  }

  public static CapturedLog of(Class<?> source) {
    return new CapturedLog(Logger.getLogger(source.getName()));
  }

  @Override
  public void publish(LogRecord logRecord) {
    records.add(logRecord);
  }

  /** The records at the level or above, formatted as the server would print their messages. */
  public List<String> messagesAtOrAbove(Level level) {
    return records.stream()
        .filter(r -> r.getLevel().intValue() >= level.intValue())
        .map(LogRecord::getMessage)
        .toList();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previousLevel);
  }
}
