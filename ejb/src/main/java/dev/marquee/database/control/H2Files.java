package dev.marquee.database.control;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps an embedded H2 database readable by its owner only: the directory that holds it is made
 * {@code rwx------} (created so when it does not exist yet) and its files {@code rw-------}. H2
 * itself creates files with the process's umask, usually readable by every local user; the database
 * holds password hashes and sealed tokens.
 */
public final class H2Files {

  private static final Logger LOG = Logger.getLogger(H2Files.class.getName());

  private H2Files() {}

  /** The database file's base path of an embedded H2 URL, or empty for memory and server URLs. */
  static Optional<Path> basePath(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:h2:")) {
      return Optional.empty();
    }
    String name = url.substring("jdbc:h2:".length()).split(";", 2)[0];
    if (name.toLowerCase(Locale.ROOT).startsWith("file:")) {
      name = name.substring("file:".length());
    } else if (name.matches("(?i)(mem|tcp|ssl|zip|split|nio\\w*|async|memFS|memLZF):.*")) {
      return Optional.empty();
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return name.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(name).toAbsolutePath().normalize());
  }

  /**
   * Makes the database's directory and files owner-only. Safe to call before the database exists
   * (the directory is then created owner-only) and again after it was created.
   */
  public static void protect(String url) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    basePath(url).ifPresent(H2Files::protectPath);
  }

  private static void protectPath(Path base) {
    Path directory = base.getParent();
    try {
      if (!Files.exists(directory)) {
        Files.createDirectories(
            directory,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else if (!directory.equals(Path.of("").toAbsolutePath())) {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      }
      String prefix = base.getFileName().toString() + ".";
      try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
        for (Path file : files) {
          if (Files.isRegularFile(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
          }
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Not our directory to change (a shared mount): the database still works; say so once.
      LOG.log(
          Level.WARNING,
          "Could not make the H2 database at {0} owner-only: {1}",
          new Object[] {directory, e.toString()});
    }
  }
}
