package dev.marquee.database.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** How entities put values into columns the same way on H2 and PostgreSQL. */
public final class Columns {

  private Columns() {}

  /**
   * An instant as a {@code TIMESTAMP WITH TIME ZONE} value: in UTC and cut to microseconds, what
   * both databases store, so an entity read back equals the one written.
   */
  public static OffsetDateTime utc(Instant instant) {
    return Objects.requireNonNull(instant, "instant")
        .truncatedTo(ChronoUnit.MICROS)
        .atOffset(ZoneOffset.UTC);
  }

  /** The instant of a nullable timestamp column. */
  public static Optional<Instant> instant(OffsetDateTime value) {
    return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
  }

  /**
   * Text cut to fit a column of {@code max} characters, ending in "…" when cut and never splitting
   * a surrogate pair; {@code null} stays {@code null}.
   */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
