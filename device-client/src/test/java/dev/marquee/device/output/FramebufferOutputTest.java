package dev.marquee.device.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The framebuffer output against a plain file standing in for {@code /dev/fb0}, with geometry read
 * from a directory laid out as sysfs lays out {@code /sys/class/graphics/fb0}.
 */
class FramebufferOutputTest {
  @TempDir Path directory;

  @Test
  void rgb565WritesTwoLittleEndianBytesPerPixelAndSkipsTheStridePadding() throws Exception {
    FramebufferGeometry geometry = sysfs("4,2", "16", "10"); // 4 px * 2 bytes + 2 padding bytes
    assertThat(geometry).isEqualTo(new FramebufferGeometry(4, 2, PixelFormat.RGB565, 10));
    Path device = device(20, (byte) 0x55);

    try (FramebufferOutput output = new FramebufferOutput(device, geometry)) {
      output.show(
          frame(
              4, 2, 0xff0000, 0x00ff00, 0x0000ff, 0xffffff, 0x000000, 0x808080, 0x123456, 0xffffff),
          "");
    }

    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(device)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(bytes.getShort(0)).isEqualTo((short) 0xf800); // red
    assertThat(bytes.getShort(2)).isEqualTo((short) 0x07e0); // green
    assertThat(bytes.getShort(4)).isEqualTo((short) 0x001f); // blue
    assertThat(bytes.getShort(6)).isEqualTo((short) 0xffff); // white
    assertThat(bytes.get(8)).as("stride padding untouched").isEqualTo((byte) 0x55);
    assertThat(bytes.get(9)).isEqualTo((byte) 0x55);
    assertThat(bytes.getShort(10)).isEqualTo((short) 0x0000); // black, second line
    assertThat(bytes.getShort(12)).isEqualTo((short) 0x8410); // grey 128: 10000 100000 10000
    assertThat(bytes.getShort(14))
        .isEqualTo((short) ((0x12 >> 3) << 11 | (0x34 >> 2) << 5 | 0x56 >> 3));
    assertThat(Files.size(device)).isEqualTo(20);
  }

  @Test
  void xrgb8888WritesBlueGreenRedAndAnOpaqueFourthByte() throws Exception {
    FramebufferGeometry geometry = sysfs("2,1", "32", "8");
    Path device = device(8, (byte) 0);

    try (FramebufferOutput output = new FramebufferOutput(device, geometry)) {
      output.show(frame(2, 1, 0x112233, 0xa0b0c0), "");
    }

    assertThat(Files.readAllBytes(device))
        .containsExactly(0x33, 0x22, 0x11, 0xff, 0xc0, 0xb0, 0xa0, 0xff);
  }

  @Test
  void aFrameOfAnotherSizeIsRefusedAndNothingIsWritten() throws Exception {
    Path device = device(8, (byte) 7);
    try (FramebufferOutput output = new FramebufferOutput(device, sysfs("2,1", "32", "8"))) {
      assertThatThrownBy(() -> output.show(frame(1, 1, 0), ""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a 1x1 frame for a 2x1 framebuffer");
    }
    assertThat(Files.readAllBytes(device)).containsOnly(7);
  }

  @Test
  void depthsOtherThan16And32AreRefusedWithTheirName() throws Exception {
    assertThatThrownBy(() -> sysfs("4,2", "24", "12"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("24 bits per pixel");
  }

  private FramebufferGeometry sysfs(String size, String bits, String stride) throws IOException {
    Path fb = Files.createDirectories(directory.resolve("fb0"));
    Files.writeString(fb.resolve("virtual_size"), size + "\n");
    Files.writeString(fb.resolve("bits_per_pixel"), bits + "\n");
    Files.writeString(fb.resolve("stride"), stride + "\n");
    return FramebufferGeometry.read(fb);
  }

  private Path device(int bytes, byte fill) throws IOException {
    byte[] content = new byte[bytes];
    java.util.Arrays.fill(content, fill);
    return Files.write(directory.resolve("fb0.dev"), content);
  }

  private static BufferedImage frame(int width, int height, int... rgb) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, rgb, 0, width);
    return image;
  }
}
