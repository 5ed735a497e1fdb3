package dev.marquee.device.render;

import java.awt.image.BufferedImage;

/**
 * Where the renderer finds album art, already scaled to the size the layout asks for. It never
 * waits for the network: art that is not there yet is drawn as a placeholder and the frame after
 * the download shows it.
 */
@FunctionalInterface
public interface ArtLookup {
  /** No art at all: every frame shows placeholders. */
  ArtLookup NONE = (url, size) -> null;

  /**
   * The art of {@code url} as a {@code size}×{@code size} image, or {@code null} if it is not
   * cached (yet).
   */
  BufferedImage art(String url, int size);
}
