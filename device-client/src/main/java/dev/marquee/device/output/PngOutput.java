package dev.marquee.device.output;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes each frame to one PNG file, headless: for tests, and for looking at a device remotely
 * ({@code scp pi:/run/marquee/screen.png .}). The file is replaced whole, never seen half written,
 * and carries the frame's caption as a PNG {@code Description} text chunk.
 */
public final class PngOutput implements DisplayOutput {
  /** The PNG text keyword of the caption. */
  public static final String CAPTION_KEYWORD = "Description";

  private final Path file;
  private final Dimension size;

  public PngOutput(Path file, Dimension size) throws IOException {
    this.file = file.toAbsolutePath();
    this.size = new Dimension(size);
    Files.createDirectories(this.file.getParent());
  }

  @Override
  public Dimension size() {
    return new Dimension(size);
  }

  @Override
  public void show(BufferedImage frame, String caption) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), ".frame-", ".png");
    try {
      write(frame, caption, temporary);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Writes a PNG with a caption; also used by tests to save rendered frames. */
  public static void write(BufferedImage frame, String caption, Path target) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
      writer.setOutput(out);
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
      addCaption(metadata, caption);
      writer.write(new IIOImage(frame, null, metadata));
    } finally {
      writer.dispose();
    }
  }

  private static void addCaption(IIOMetadata metadata, String caption) throws IOException {
    IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
    entry.setAttribute("keyword", CAPTION_KEYWORD);
    entry.setAttribute("compressionFlag", "FALSE");
    entry.setAttribute("compressionMethod", "0");
    entry.setAttribute("languageTag", "");
    entry.setAttribute("translatedKeyword", "");
    entry.setAttribute("text", caption);
    IIOMetadataNode text = new IIOMetadataNode("iTXt");
    text.appendChild(entry);
    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
    root.appendChild(text);
    try {
      metadata.mergeTree("javax_imageio_png_1.0", root);
    } catch (IIOInvalidTreeException e) {
      throw new IOException("cannot add the caption to the PNG", e);
    }
  }

  @Override
  public void close() {
    // The last frame stays on disk, as the last frame stays on a screen.
  }
}
