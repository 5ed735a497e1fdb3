package dev.marquee.device;

import java.util.Locale;

/** Where the client draws, chosen with {@code --output}. */
enum OutputKind {
  WINDOW,
  FRAMEBUFFER,
  PNG;

  static OutputKind parse(String value) throws UsageException {
    for (OutputKind kind : values()) {
      if (kind.name().toLowerCase(Locale.ROOT).equals(value.strip())) {
        return kind;
      }
    }
    throw new UsageException("--output '" + value + "' is none of window, framebuffer, png");
  }
}
