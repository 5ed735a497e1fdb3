package dev.marquee.console.frame;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The console's one way of writing a moment. Pages render it with the {@code <m:time>} tag as
 * {@code <time datetime="2027-06-04T12:46:49Z">4 Jun 2027, 12:46 UTC</time>}: the console's script
 * rewrites it in the admin's time zone and language (the browser's), relative where the tag asks
 * for it ("in 6 months"); without the script the text in UTC stands.
 */
@Named
@ApplicationScoped
public class When {

  private static final DateTimeFormatter TEXT =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** The machine-readable moment, to the second (ISO 8601, UTC). */
  public String iso(Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The moment in words as the server writes it: "4 Jun 2027, 12:46 UTC". */
  public String text(Instant instant) {
    return instant == null ? "" : TEXT.format(instant);
  }
}
