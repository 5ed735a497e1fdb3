package dev.marquee.device.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shape of a Linux framebuffer: its visible size, pixel format and bytes per line (the stride,
 * which can be longer than width × bytes per pixel).
 */
public record FramebufferGeometry(int width, int height, PixelFormat format, int stride) {

  public FramebufferGeometry {
    if (width <= 0 || height <= 0 || stride < width * format.bytes()) {
      throw new IllegalArgumentException(
          "framebuffer " + width + "x" + height + " with stride " + stride + " is impossible");
    }
  }

  /**
   * Reads the device's own parameters from sysfs: {@code /sys/class/graphics/fb0/virtual_size},
   * {@code bits_per_pixel} and {@code stride}.
   *
   * @throws IOException when a file is missing or does not read as the kernel writes it
   */
  public static FramebufferGeometry read(Path sysfs) throws IOException {
    String[] size = text(sysfs.resolve("virtual_size")).split(",");
    try {
      int width = Integer.parseInt(size[0].strip());
      int height = Integer.parseInt(size[1].strip());
      PixelFormat format =
          PixelFormat.ofBits(Integer.parseInt(text(sysfs.resolve("bits_per_pixel"))));
      Path strideFile = sysfs.resolve("stride");
      int stride =
          Files.exists(strideFile) ? Integer.parseInt(text(strideFile)) : width * format.bytes();
      return new FramebufferGeometry(width, height, format, stride);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new IOException("unreadable framebuffer parameters in " + sysfs, e);
    } catch (IllegalArgumentException e) {
      throw new IOException(sysfs + ": " + e.getMessage(), e);
    }
  }

  private static String text(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.US_ASCII).strip();
  }
}
