package dev.marquee.api.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrSvgTest {

  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
  private static final int SCALE = 6;

  @Test
  void theSvgDecodesBackToTheClaimLink() throws Exception {
    String link = "http://127.0.0.1:8080/claim?code=K7QX-M4PD";

    assertThat(decode(QrSvg.of(link))).isEqualTo(link);
  }

  @Test
  void aLongPublicAddressStillFits() throws Exception {
    String link = "https://marquee.screens.example-company.internal:8443/claim?code=ABCD-EFGH";

    assertThat(decode(QrSvg.of(link))).isEqualTo(link);
  }

  @Test
  void textBeyondWhatAQrCodeHoldsIsRefused() {
    assertThatThrownBy(() -> QrSvg.of("x".repeat(8000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8000");
  }

  /** Draws the SVG's squares as a reader's camera would see them, then reads the code. */
  private static String decode(String svg) throws NotFoundException {
    Matcher box = VIEW_BOX.matcher(svg);
    assertThat(box.find()).as("a view box").isTrue();
    int size = Integer.parseInt(box.group(1));
    BufferedImage image = new BufferedImage(size * SCALE, size * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    Matcher module = MODULE.matcher(svg);
    while (module.find()) {
      int x = Integer.parseInt(module.group(1));
      int y = Integer.parseInt(module.group(2));
      assertThat(x).isBetween(QrSvg.QUIET_ZONE, size - QrSvg.QUIET_ZONE - 1);
      assertThat(y).isBetween(QrSvg.QUIET_ZONE, size - QrSvg.QUIET_ZONE - 1);
      g.fillRect(x * SCALE, y * SCALE, SCALE, SCALE);
    }
    g.dispose();
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    return new MultiFormatReader().decode(bitmap).getText();
  }
}
