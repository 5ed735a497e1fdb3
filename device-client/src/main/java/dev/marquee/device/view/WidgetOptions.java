package dev.marquee.device.view;

/**
 * The widget options this client honours (the {@code animation} option is the browser player's
 * alone: a framebuffer redraws whole frames).
 *
 * @param theme the colours
 * @param showProgress whether the progress bar and its times are drawn
 * @param idle what to show when nothing plays
 */
public record WidgetOptions(Theme theme, boolean showProgress, IdleMode idle) {
  /** The widget definition's defaults. */
  public static final WidgetOptions DEFAULTS =
      new WidgetOptions(Theme.GRADIENT, true, IdleMode.PLACEHOLDER);
}
