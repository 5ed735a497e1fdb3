package dev.marquee.vault.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds the vault's keyset, a cleartext Tink JSON keyset of AES256_GCM keys. In order:
 *
 * <ol>
 *   <li>the configuration value {@value #INLINE_KEY} itself (environment variable {@code
 *       MARQUEE_VAULT_KEYSET}, or a file of that name in Payara's secrets directory);
 *   <li>else the file named by {@value #FILE_KEY}, default {@value #DEFAULT_FILE}.
 * </ol>
 *
 * <p>Only the default file is ever created: when it does not exist, a new keyset is generated there
 * (owner-only permissions) with one warning, so the zero-setup run works. A file that was
 * configured elsewhere and is missing is an error, never a new key: silently replacing a lost key
 * would leave every stored secret unreadable while looking healthy. Naming the default path
 * explicitly counts as the default.
 *
 * <p>A plain class, so tests pass configuration values in without a container.
 */
public final class KeysetSource {

  /** The configuration key holding a whole keyset; it wins over the file. */
  public static final String INLINE_KEY = "marquee.vault.keyset";

  /** The configuration key naming the keyset file. */
  public static final String FILE_KEY = "marquee.vault.keyset-file";

  /** Where the zero-setup run keeps its generated keyset, relative to the working directory. */
  public static final String DEFAULT_FILE = "./data/secrets/vault-keyset.json";

  private static final Logger LOG = Logger.getLogger(KeysetSource.class.getName());

  private final Path defaultFile;

  /** A source whose default file is {@value #DEFAULT_FILE}. */
  public KeysetSource() {
    this(Path.of(DEFAULT_FILE));
  }

  /** A source with another default file, for tests. */
  KeysetSource(Path defaultFile) {
    this.defaultFile = defaultFile.toAbsolutePath().normalize();
  }

  /**
   * The keyring from the configured keyset.
   *
   * @param inlineJson the value of {@value #INLINE_KEY}, if set; blank counts as unset
   * @param file the value of {@value #FILE_KEY}
   * @throws KeysetUnavailableException in one line, naming the source, when no usable keyset is
   *     there
   */
  public Keyring load(Optional<String> inlineJson, String file) {
    TinkAead.register();
    Optional<String> inline = inlineJson.filter(json -> !json.isBlank());
    if (inline.isPresent()) {
      String origin = "the configuration value " + INLINE_KEY;
      return Keyring.of(parse(inline.get(), origin), origin);
    }
    Path path = pathOf(file);
    if (path.equals(defaultFile) && Files.notExists(path)) {
      generate(path);
    }
    String origin = "the vault keyset file " + path + " (" + FILE_KEY + ")";
    return Keyring.of(parse(read(path, origin), origin), origin);
  }

  /** A new keyset with one AES256_GCM key, as cleartext Tink JSON: handle it as a secret. */
  public static String newKeysetJson() {
    TinkAead.register();
    try {
      return serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink cannot generate an AES256_GCM key", e);
    }
  }

  /**
   * Parses a cleartext Tink JSON keyset.
   *
   * @throws KeysetUnavailableException without the parser's message or cause: parse errors may
   *     quote the text they choke on, and that text is key material
   */
  static KeysetHandle parse(String json, String origin) {
    TinkAead.register();
    try {
      // Cleartext on purpose: the keyset is protected where it is stored (file permissions,
      // secrets directory, the environment), not by a key-encryption key Marquee would also need.
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      // Unchecked too: the JSON parser underneath reports some malformed input that way.
      throw new KeysetUnavailableException(
          capitalized(origin)
              + " is not a valid Tink JSON keyset ("
              + e.getClass().getSimpleName()
              + ").");
    }
  }

  private static String capitalized(String origin) {
    return Character.toUpperCase(origin.charAt(0)) + origin.substring(1);
  }

  static String serialize(KeysetHandle keyset) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
  }

  private static Path pathOf(String file) {
    try {
      return Path.of(file).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new KeysetUnavailableException(
          FILE_KEY + " is not a usable path: " + e.getReason() + ".");
    }
  }

  private static String read(Path path, String origin) {
    try {
      return Files.readString(path, UTF_8);
    } catch (NoSuchFileException e) {
      throw new KeysetUnavailableException(
          capitalized(origin)
              + " does not exist. Restore it from the backup made with the database, or fix "
              + FILE_KEY
              + "; no new key is generated for a configured file.",
          e);
    } catch (IOException e) {
      // File system messages name paths, not content; the cause helps with permissions.
      throw new KeysetUnavailableException(
          "Cannot read " + origin + ": " + e.getClass().getSimpleName() + ".", e);
    }
  }

  /**
   * Writes a new keyset to the default file: into a private temporary file first, then moved into
   * place, so a crash leaves either no file or a whole one. If another process created the file in
   * the meantime, its key stays and is used.
   */
  private static void generate(Path path) {
    Path temporary = null;
    try {
      Path directory = path.getParent();
      createPrivateDirectory(directory);
      temporary = Files.createTempFile(directory, ".vault-keyset-", ".tmp", ownerOnly("rw-------"));
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(newKeysetJson().getBytes(UTF_8)));
        // On disk before it is in place: a key lost to a power cut loses every secret.
        channel.force(true);
      }
      if (!moveUnlessPresent(temporary, path)) {
        return;
      }
    } catch (IOException e) {
      throw new KeysetUnavailableException(
          "Cannot create the vault keyset file " + path + ": " + e.getClass().getSimpleName() + ".",
          e);
    } finally {
      deleteQuietly(temporary);
    }
    LOG.warning(
        () ->
            "Generated a new vault key in "
                + path
                + ". Back this file up together with the database: without it the stored Spotify"
                + " tokens and client secrets cannot be read and admins must reconnect every"
                + " account. In production set "
                + INLINE_KEY
                + " or "
                + FILE_KEY
                + ".");
  }

  /** Moves the new file into place; false when another process put a keyset there first. */
  private static boolean moveUnlessPresent(Path temporary, Path path) throws IOException {
    try {
      Files.move(temporary, path);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  private static void createPrivateDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    Path parent = directory.getParent();
    if (parent != null) {
      // Only the secrets directory itself is made private; ./data also holds the H2 database.
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(directory, ownerOnly("rwx------"));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(directory)) {
        throw e;
      }
    }
  }

  static FileAttribute<?>[] ownerOnly(String permissions) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      // Windows: the file inherits the ACL of the user's directory; there is no mode to set.
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      LOG.fine(() -> "Could not delete the temporary file " + temporary);
    }
  }
}
