package dev.marquee.device.render;

import dev.marquee.device.view.Theme;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Paint;

/** The colours of a theme, the same as the browser player's template uses. */
public record Palette(Color background, Color backgroundEnd, Color text, Color secondary) {
  /** Spotify green: the progress bar and the episode label on every theme. */
  public static final Color ACCENT = new Color(0x1d, 0xb9, 0x54);

  /** The offline mark: the feed is down. */
  public static final Color OFFLINE = new Color(0xe0, 0x3c, 0x31);

  /** Needs reconnect: an admin has something to do. */
  public static final Color ATTENTION = new Color(0xf5, 0xa6, 0x23);

  /** Stale: Spotify has not answered for a while. */
  public static final Color STALE = new Color(0x9e, 0x9e, 0x9e);

  public static Palette of(Theme theme) {
    if (theme == Theme.DARK) {
      return new Palette(new Color(0x10, 0x10, 0x10), null, Color.WHITE, new Color(0xb3b3b3));
    }
    if (theme == Theme.LIGHT) {
      return new Palette(
          new Color(0xf4, 0xf4, 0xf0),
          null,
          new Color(0x15, 0x15, 0x15),
          new Color(0x55, 0x55, 0x55));
    }
    return new Palette(ACCENT, new Color(0x12, 0x12, 0x12), Color.WHITE, new Color(0xd0d0d0));
  }

  /**
   * The background over a frame: flat, or the gradient theme's 135° sweep from green to near black
   * at 70 % of the diagonal.
   */
  Paint backgroundPaint(int width, int height) {
    if (backgroundEnd == null) {
      return background;
    }
    return new GradientPaint(0, 0, background, 0.7f * width, 0.7f * height, backgroundEnd);
  }

  /** The unfilled part of the progress bar: the text colour, faint. */
  Color track() {
    return new Color(text.getRed(), text.getGreen(), text.getBlue(), 80);
  }
}
