package dev.marquee.api.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as an SVG image: one path of unit squares on a white quiet zone, so it stays sharp at
 * any size a screen draws it (a TV across a room, a phone's camera close up).
 */
public final class QrSvg {

  /** Modules of white around the code, as the standard asks for readers to find it. */
  static final int QUIET_ZONE = 4;

  private QrSvg() {}

  /** The text (a URL) as an SVG document. */
  public static String of(String text) {
    BitMatrix matrix = encode(text);
    int size = matrix.getWidth() + 2 * QUIET_ZONE;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE);
          path.append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\""
        + " fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
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
      // Only for texts longer than a QR code holds; a claim link is far shorter.
      throw new IllegalArgumentException("Too long for a QR code: " + text.length() + " chars", e);
    }
  }
}
