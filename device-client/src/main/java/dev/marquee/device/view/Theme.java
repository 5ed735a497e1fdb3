package dev.marquee.device.view;

import java.util.Locale;

/** The widget's {@code theme} option: the colours of the whole screen. */
public enum Theme {
  DARK,
  LIGHT,
  GRADIENT;

  /** The theme an option value names; the widget's default (gradient) for anything unknown. */
  public static Theme of(String value) {
    if (value == null) {
      return GRADIENT;
    }
    for (Theme theme : values()) {
      if (theme.name().equals(value.toUpperCase(Locale.ROOT))) {
        return theme;
      }
    }
    return GRADIENT;
  }
}
