package dev.marquee.device.art;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The one place where album art is resized (LEELOO's lesson: sizes made in several places drift).
 * Crops to a centred square and scales down in halving steps, which keeps the quality of a bicubic
 * filter at the cost of a bilinear one.
 */
public final class ArtScaler {
  private ArtScaler() {}

  /** The image as a {@code side}×{@code side} opaque square. */
  public static BufferedImage square(BufferedImage source, int side) {
    int crop = Math.min(source.getWidth(), source.getHeight());
    BufferedImage current =
        source.getSubimage(
            (source.getWidth() - crop) / 2, (source.getHeight() - crop) / 2, crop, crop);
    int size = crop;
    while (size / 2 >= side) {
      size /= 2;
      current = resized(current, size);
    }
    return resized(current, side);
  }

  private static BufferedImage resized(BufferedImage source, int side) {
    BufferedImage target = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, side, side, null);
    } finally {
      g.dispose();
    }
    return target;
  }
}
