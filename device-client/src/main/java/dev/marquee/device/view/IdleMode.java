package dev.marquee.device.view;

import java.util.Locale;

/** The widget's {@code idle} option: what the screen shows when nothing plays. */
public enum IdleMode {
  PLACEHOLDER,
  LAST_TRACK_DIMMED,
  CLOCK,
  NOTHING;

  /** The mode an option value ({@code last-track-dimmed}) names; placeholder when unknown. */
  public static IdleMode of(String value) {
    if (value == null) {
      return PLACEHOLDER;
    }
    String name = value.replace('-', '_').toUpperCase(Locale.ROOT);
    for (IdleMode mode : values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    return PLACEHOLDER;
  }
}
