package dev.marquee.device.output;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Draws frames straight into a Linux framebuffer device ({@code /dev/fb0}), no X11 or Wayland
 * needed: each frame is converted to the device's pixel format and written line by line at its
 * stride. The client's user needs write access (the {@code video} group).
 */
public final class FramebufferOutput implements DisplayOutput {
  private final FileChannel device;
  private final FramebufferGeometry geometry;
  private final ByteBuffer buffer;
  private final int[] line;

  /**
   * Opens the device for writing (never creating or truncating it).
   *
   * @throws IOException when it cannot be opened
   */
  public FramebufferOutput(Path device, FramebufferGeometry geometry) throws IOException {
    this.device = FileChannel.open(device, StandardOpenOption.WRITE);
    this.geometry = geometry;
    this.buffer = ByteBuffer.allocate(geometry.width() * geometry.format().bytes());
    this.line = new int[geometry.width()];
  }

  @Override
  public Dimension size() {
    return new Dimension(geometry.width(), geometry.height());
  }

  @Override
  public void show(BufferedImage frame, String caption) throws IOException {
    if (frame.getWidth() != geometry.width() || frame.getHeight() != geometry.height()) {
      throw new IllegalArgumentException(
          "a "
              + frame.getWidth()
              + "x"
              + frame.getHeight()
              + " frame for a "
              + geometry.width()
              + "x"
              + geometry.height()
              + " framebuffer");
    }
    PixelFormat format = geometry.format();
    // Line by line at the stride: the padding past each line is the driver's, left as it is.
    for (int y = 0; y < geometry.height(); y++) {
      frame.getRGB(0, y, geometry.width(), 1, line, 0, geometry.width());
      buffer.clear();
      for (int rgb : line) {
        format.put(buffer, rgb);
      }
      buffer.flip();
      long position = (long) y * geometry.stride();
      while (buffer.hasRemaining()) {
        position += device.write(buffer, position);
      }
    }
  }

  @Override
  public void close() throws IOException {
    device.close();
  }
}
