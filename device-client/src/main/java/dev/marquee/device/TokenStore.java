package dev.marquee.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The file that keeps the device token between runs. Only the client's user may read it ({@code
 * rw-------}); it is written whole or not at all (a temporary file moved into place), so a power
 * cut never leaves half a token.
 */
final class TokenStore {
  private static final Logger LOG = Logger.getLogger(TokenStore.class.getName());
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private final Path file;

  TokenStore(Path file) {
    this.file = file.toAbsolutePath();
  }

  Path file() {
    return file;
  }

  /**
   * The stored token, or empty when there is none or the file does not hold one (then the screen
   * pairs again and the new token replaces it). A file others could read is made owner-only.
   */
  Optional<DeviceToken> read() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      LOG.warning("token file " + file + " was readable by others: made owner-only (rw-------)");
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      return Optional.of(DeviceToken.of(text));
    } catch (IllegalArgumentException e) {
      LOG.warning("token file " + file + " holds no device token: pairing again");
      return Optional.empty();
    }
  }

  /** Stores the token, replacing any other. */
  void write(DeviceToken token) throws IOException {
    Path directory = file.getParent();
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(
          directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
    }
    Path temporary =
        Files.createTempFile(
            directory, ".token-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(temporary, token.reveal() + "\n", StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Forgets the token (the server refused it); true if there was one. */
  boolean delete() throws IOException {
    return Files.deleteIfExists(file);
  }
}
