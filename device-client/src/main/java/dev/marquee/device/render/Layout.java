package dev.marquee.device.render;

import java.awt.Rectangle;

/**
 * Where things go on a frame of a given size: the art square and the text column beside it on a
 * landscape screen, stacked on a portrait one. Sizes are fractions of the shorter side, so one
 * layout serves 480x320 to 1920x1080.
 *
 * @param width the frame's width
 * @param height the frame's height
 * @param art the album art (or the QR code) square
 * @param text the column of title, artist, album and progress
 * @param unit one hundredth of the frame's height (the browser template's {@code vh}), or of its
 *     width when that is shorter
 */
public record Layout(int width, int height, Rectangle art, Rectangle text, float unit) {

  public static Layout of(int width, int height) {
    float unit = Math.min(width, height) / 100f;
    int pad = Math.round(unit * 6);
    if (width >= height) {
      int side = Math.min(height - 2 * pad, Math.round(width * 0.42f));
      Rectangle art = new Rectangle(pad, (height - side) / 2, side, side);
      int textX = art.x + side + pad;
      // Below the band of status marks, so a two-line title never runs under a mark.
      int top = Math.round(unit * 10);
      Rectangle text = new Rectangle(textX, top, width - textX - pad, height - top - pad);
      return new Layout(width, height, art, text, unit);
    }
    int side = Math.min(width - 2 * pad, Math.round(height * 0.5f));
    Rectangle art = new Rectangle((width - side) / 2, pad, side, side);
    int textY = art.y + side + pad;
    Rectangle text = new Rectangle(pad, textY, width - 2 * pad, height - textY - pad);
    return new Layout(width, height, art, text, unit);
  }

  /** The art square's side: the one size art is scaled to for this screen. */
  public int artSize() {
    return art.width;
  }

  /** The band at the top right where the status marks go. */
  Rectangle marks() {
    int height = Math.round(unit * 7);
    int margin = Math.round(unit * 2);
    return new Rectangle(margin, margin, width - 2 * margin, height);
  }
}
