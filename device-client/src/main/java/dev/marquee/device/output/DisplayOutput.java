package dev.marquee.device.output;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Where frames go: a window, the Linux framebuffer, or a PNG file. The renderer draws frames of
 * {@link #size()}; the output shows each whole frame, replacing the one before.
 */
public interface DisplayOutput extends AutoCloseable {

  /** The frame size this output shows, in pixels. */
  Dimension size();

  /**
   * Shows a frame of {@link #size()}.
   *
   * @param caption one line saying what the frame shows (PNG metadata; others may ignore it)
   * @throws IOException when the frame cannot be written
   */
  void show(BufferedImage frame, String caption) throws IOException;

  @Override
  void close() throws IOException;
}
