package dev.marquee.device.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Map;

/**
 * Draws a QR code with ZXing's encoder: black modules on white, whole pixels per module (a blurred
 * module edge is what makes phone cameras give up) and the quiet zone of four modules the standard
 * asks for.
 */
final class QrCodes {
  private static final int QUIET_ZONE = 4;

  private QrCodes() {}

  /** Draws the code of {@code text} centred in the square at x, y of the given side. */
  static void draw(Graphics2D g, String text, int x, int y, int side) {
    BitMatrix matrix = encode(text);
    int modules = matrix.getWidth() + 2 * QUIET_ZONE;
    int scale = Math.max(1, side / modules);
    int drawn = scale * modules;
    int left = x + (side - drawn) / 2;
    int top = y + (side - drawn) / 2;
    g.setColor(Color.WHITE);
    g.fillRect(x, y, side, side);
    g.setColor(Color.BLACK);
    for (int row = 0; row < matrix.getHeight(); row++) {
      for (int column = 0; column < matrix.getWidth(); column++) {
        if (matrix.get(column, row)) {
          g.fillRect(
              left + (column + QUIET_ZONE) * scale, top + (row + QUIET_ZONE) * scale, scale, scale);
        }
      }
    }
  }

  private static BitMatrix encode(String text) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.MARGIN,
                  0,
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.CHARACTER_SET,
                  "UTF-8"));
    } catch (WriterException e) {
      // Only a text too long for any QR version gets here; claim URLs are far below that.
      throw new IllegalArgumentException(
          "cannot encode a QR code of " + text.length() + " chars", e);
    }
  }
}
