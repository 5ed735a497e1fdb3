package dev.marquee.sandbox.images;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws stand-in cover art: a gradient in colours derived from the id, a ring, and the title's
 * initials. The same id and size always give the same picture, so screens can be compared.
 */
public final class CoverArtRenderer {

  /** Renders a square PNG of {@code size} pixels. */
  public byte[] render(String id, String title, int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      float hue = Math.floorMod(id.hashCode(), 360) / 360f;
      Color light = Color.getHSBColor(hue, 0.55f, 0.85f);
      Color dark = Color.getHSBColor((hue + 0.12f) % 1f, 0.75f, 0.35f);
      g.setPaint(new GradientPaint(0, 0, light, size, size, dark));
      g.fillRect(0, 0, size, size);
      g.setColor(new Color(255, 255, 255, 60));
      g.setStroke(new BasicStroke(Math.max(1f, size / 40f)));
      int ring = size * 3 / 4;
      g.drawOval((size - ring) / 2, (size - ring) / 2, ring, ring);
      drawInitials(g, initials(title), size);
    } finally {
      g.dispose();
    }
    return png(image);
  }

  private static void drawInitials(Graphics2D g, String initials, int size) {
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, size * 2 / 5));
    // A runtime without fonts for the script (e.g. CJK) would draw boxes: leave the art plain.
    if (initials.isEmpty() || font.canDisplayUpTo(initials) != -1) {
      return;
    }
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    int x = (size - metrics.stringWidth(initials)) / 2;
    int y = (size - metrics.getHeight()) / 2 + metrics.getAscent();
    g.setColor(new Color(0, 0, 0, 70));
    g.drawString(initials, x + Math.max(1, size / 100), y + Math.max(1, size / 100));
    g.setColor(Color.WHITE);
    g.drawString(initials, x, y);
  }

  /** First letters of the first two words, e.g. "Pulse Lines" gives "PL". */
  static String initials(String title) {
    StringBuilder initials = new StringBuilder();
    for (String word : title.trim().split("[\\s\\p{Punct}]+")) {
      if (!word.isEmpty()) {
        initials.appendCodePoint(word.codePointAt(0));
        if (initials.codePointCount(0, initials.length()) == 2) {
          break;
        }
      }
    }
    return initials.toString().toUpperCase(Locale.ROOT);
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
