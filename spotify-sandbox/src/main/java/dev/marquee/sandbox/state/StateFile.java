package dev.marquee.sandbox.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the state file: written whole to a temporary file in the same directory (owner
 * read/write only), forced to disk, then moved over the old one, so a crash leaves either the old
 * or the new file, never half of one.
 */
public final class StateFile {

  /** rw-------: the file describes who authorized what. */
  public static final Set<PosixFilePermission> FILE_PERMISSIONS =
      PosixFilePermissions.fromString("rw-------");

  private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS =
      PosixFilePermissions.fromString("rwx------");

  private static final DateTimeFormatter ASIDE_SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** The file exists and was read, but is not a state file this sandbox can use. */
  public static final class CorruptStateException extends Exception {
    public CorruptStateException(String message) {
      super(message);
    }
  }

  private final Path path;

  public StateFile(Path path) {
    this.path = path.toAbsolutePath().normalize();
  }

  public Path path() {
    return path;
  }

  /**
   * Reads the file.
   *
   * @return empty when there is no file (a fresh start)
   * @throws IOException when the file exists but cannot be read (permissions, a directory)
   * @throws CorruptStateException when it was read but is not a usable state document
   */
  public Optional<StateDocument> read() throws IOException, CorruptStateException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    StateDocument document;
    try {
      document = MAPPER.readValue(bytes, StateDocument.class);
    } catch (IOException e) {
      throw new CorruptStateException("not valid JSON for a sandbox state file");
    }
    if (document == null || !StateDocument.FORMAT.equals(document.format())) {
      throw new CorruptStateException(
          "not a sandbox state file (no format " + StateDocument.FORMAT + ")");
    }
    if (document.version() != StateDocument.VERSION) {
      throw new CorruptStateException(
          "unsupported version "
              + document.version()
              + " (expected "
              + StateDocument.VERSION
              + ")");
    }
    tightenPermissions();
    return Optional.of(document);
  }

  /**
   * Renames an unusable file aside, next to where it was, so it can be inspected.
   *
   * @return where it went
   */
  public Path moveAside(Instant now) throws IOException {
    String base = path.getFileName() + ".corrupt-" + ASIDE_SUFFIX.format(now);
    Path aside = path.resolveSibling(base);
    for (int attempt = 2; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); attempt++) {
      aside = path.resolveSibling(base + "-" + attempt);
    }
    Files.move(path, aside);
    return aside;
  }

  /** Writes the document atomically, creating missing parent directories as rwx------. */
  public void write(StateDocument document) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(document);
    Path directory = path.getParent();
    createDirectories(directory);
    Path temporary =
        posix(directory)
            ? Files.createTempFile(
                directory,
                "." + path.getFileName() + ".",
                ".tmp",
                PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
            : Files.createTempFile(directory, "." + path.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        out.write(bytes);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(
            temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private void tightenPermissions() throws IOException {
    if (posix(path) && !Files.getPosixFilePermissions(path).equals(FILE_PERMISSIONS)) {
      Files.setPosixFilePermissions(path, FILE_PERMISSIONS);
    }
  }

  private static void createDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Path parent = directory.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (posix(parent != null ? parent : directory)) {
        FileAttribute<Set<PosixFilePermission>> owner =
            PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS);
        Files.createDirectory(directory, owner);
      } else {
        Files.createDirectory(directory);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(directory)) {
        throw e;
      }
    }
  }

  private static boolean posix(Path existing) {
    return existing != null
        && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
