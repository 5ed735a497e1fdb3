package dev.marquee.device.output;

import java.awt.Canvas;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;

/**
 * A window under X11 or Wayland (XWayland): full screen and without a cursor by default, or a
 * window of a given size for trying the client on a desktop.
 */
public final class WindowOutput implements DisplayOutput {
  private final Frame window;
  private final AtomicReference<BufferedImage> shown = new AtomicReference<>();
  private final Dimension size;

  /**
   * Opens the window.
   *
   * @param size the window's size, or {@code null} for full screen on the default display
   * @throws java.awt.HeadlessException when there is no display (then use the framebuffer)
   */
  public WindowOutput(Dimension size) {
    GraphicsDevice screen =
        GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
    this.size =
        size != null
            ? new Dimension(size)
            : new Dimension(
                screen.getDisplayMode().getWidth(), screen.getDisplayMode().getHeight());
    this.window = new Frame("Marquee");
    onSwing(() -> open(screen, size == null));
  }

  private void open(GraphicsDevice screen, boolean fullScreen) {
    Canvas canvas =
        new Canvas() {
          private static final long serialVersionUID = 1L;

          @Override
          public void paint(Graphics g) {
            BufferedImage frame = shown.get();
            if (frame != null) {
              g.drawImage(frame, 0, 0, null);
            }
          }

          @Override
          public void update(Graphics g) {
            paint(g); // no clearing first: whole frames, no flicker
          }
        };
    canvas.setBackground(Color.BLACK);
    canvas.setPreferredSize(size);
    window.add(canvas);
    window.setUndecorated(fullScreen);
    window.setCursor(
        Toolkit.getDefaultToolkit()
            .createCustomCursor(
                new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB), new Point(), "none"));
    window.pack();
    if (fullScreen && screen.isFullScreenSupported()) {
      screen.setFullScreenWindow(window);
    } else {
      window.setVisible(true);
    }
  }

  @Override
  public Dimension size() {
    return new Dimension(size);
  }

  @Override
  public void show(BufferedImage frame, String caption) {
    shown.set(frame);
    SwingUtilities.invokeLater(() -> window.getComponent(0).repaint());
  }

  @Override
  public void close() {
    onSwing(window::dispose);
  }

  private static void onSwing(Runnable task) {
    try {
      SwingUtilities.invokeAndWait(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot open the window: " + e.getCause(), e.getCause());
    }
  }
}
