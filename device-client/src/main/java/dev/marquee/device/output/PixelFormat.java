package dev.marquee.device.output;

import java.nio.ByteBuffer;

/**
 * How a framebuffer stores a pixel, little-endian as on the Raspberry Pi: 16-bit RGB565 (the small
 * SPI LCDs) or 32-bit XRGB8888 (HDMI and the DSI touch display: bytes blue, green, red, unused).
 */
public enum PixelFormat {
  RGB565(2) {
    @Override
    void put(ByteBuffer buffer, int rgb) {
      int r = (rgb >> 16) & 0xff;
      int g = (rgb >> 8) & 0xff;
      int b = rgb & 0xff;
      int pixel = ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3);
      buffer.put((byte) pixel).put((byte) (pixel >> 8));
    }
  },
  XRGB8888(4) {
    @Override
    void put(ByteBuffer buffer, int rgb) {
      buffer.put((byte) rgb).put((byte) (rgb >> 8)).put((byte) (rgb >> 16)).put((byte) 0xff);
    }
  };

  private final int bytes;

  PixelFormat(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per pixel. */
  public int bytes() {
    return bytes;
  }

  /** Appends one pixel given as 0xRRGGBB. */
  abstract void put(ByteBuffer buffer, int rgb);

  /**
   * The format of a framebuffer's {@code bits_per_pixel}.
   *
   * @throws IllegalArgumentException for depths the client does not draw (8, 24)
   */
  public static PixelFormat ofBits(int bitsPerPixel) {
    if (bitsPerPixel == 16) {
      return RGB565;
    }
    if (bitsPerPixel == 32) {
      return XRGB8888;
    }
    throw new IllegalArgumentException(
        bitsPerPixel + " bits per pixel: only 16 (RGB565) and 32 (XRGB8888) are drawn");
  }
}
