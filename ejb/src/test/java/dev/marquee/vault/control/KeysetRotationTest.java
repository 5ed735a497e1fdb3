package dev.marquee.vault.control;

import static dev.marquee.vault.entity.SecretPurpose.SPOTIFY_ACCESS_TOKEN;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marquee.vault.entity.Sealed;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysetRotationTest {

  private static final String TOKEN = "BQaccess-token-5e9a";
  private static final String ACCOUNT = "2f0c5d4e-6a7b-4c8d-9e0f-112233445566";

  @TempDir Path directory;

  private Keyring keyring(String keysetJson) {
    return new KeysetSource(directory.resolve("unused.json")).load(Optional.of(keysetJson), "");
  }

  @Test
  void aKeyAddedForDistributionDoesNotSealUntilPromoted() throws Exception {
    String original = KeysetSource.newKeysetJson();
    long oldKey = keyring(original).primaryKeyId();

    String added = KeysetRotation.addKey(original, false);

    assertThat(keyring(added).primaryKeyId()).isEqualTo(oldKey);
    assertThat(KeysetRotation.describe(added)).hasSize(2);
    long newKey = otherKeyId(added, oldKey);

    String promoted = KeysetRotation.promote(added, newKey);

    Keyring rotated = keyring(promoted);
    assertThat(rotated.primaryKeyId()).isEqualTo(newKey);
    // A value sealed by an instance that already has the added key opens on an old one.
    Sealed sealed = keyring(added).seal(TOKEN, SPOTIFY_ACCESS_TOKEN, ACCOUNT);
    assertThat(rotated.open(sealed, SPOTIFY_ACCESS_TOKEN, ACCOUNT)).isEqualTo(TOKEN);
    assertThat(rotated.needsResealing(sealed)).isTrue();
  }

  @Test
  void thePrimaryKeyCannotBeRemoved() {
    String keyset = KeysetRotation.addKey(KeysetSource.newKeysetJson(), true);
    long primary = keyring(keyset).primaryKeyId();

    assertThatThrownBy(() -> KeysetRotation.remove(keyset, primary))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("primary");
  }

  @Test
  void anUnknownKeyIdIsNamed() {
    String keyset = KeysetSource.newKeysetJson();

    assertThatThrownBy(() -> KeysetRotation.promote(keyset, 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The keyset has no key 42.");
  }

  @Test
  void describeListsIdsWithoutKeyMaterial() {
    String keyset = KeysetSource.newKeysetJson();
    long primary = keyring(keyset).primaryKeyId();

    assertThat(KeysetRotation.describe(keyset))
        .containsExactly("key " + primary + " primary ENABLED")
        .noneMatch(line -> line.contains(KeysetJson.keyValueOf(keyset)));
  }

  @Test
  void theCommandLineRotatesAFileKeepingItOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path file = directory.resolve("vault-keyset.json");

    assertThat(run("create", file.toString())).isZero();
    String original = Files.readString(file);
    long oldKey = keyring(original).primaryKeyId();
    assertThat(run("add-primary", file.toString())).isZero();
    long newKey = keyring(Files.readString(file)).primaryKeyId();
    assertThat(run("remove", file.toString(), Long.toString(oldKey))).isZero();

    String rotated = Files.readString(file);
    assertThat(newKey).isNotEqualTo(oldKey);
    assertThat(KeysetRotation.describe(rotated))
        .containsExactly("key " + newKey + " primary ENABLED");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void theCommandLineSaysWhatIsWrongInOneLineAndChangesNothing() throws Exception {
    Path file = directory.resolve("vault-keyset.json");
    String keyset = KeysetSource.newKeysetJson();
    Files.writeString(file, keyset);
    long primary = keyring(keyset).primaryKeyId();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        KeysetRotation.run(
            new String[] {"remove", file.toString(), Long.toString(primary)},
            new PrintStream(out, true, UTF_8),
            new PrintStream(err, true, UTF_8));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(UTF_8)).contains("primary").hasLineCount(1);
    assertThat(out.toString(UTF_8)).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(keyset);
    assertThat(run("create", file.toString())).isEqualTo(1);
    assertThat(Files.readString(file)).isEqualTo(keyset);
  }

  /** Runs the command line, checking that what it prints holds no key material. */
  private static int run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        KeysetRotation.run(
            args,
            new PrintStream(out, true, UTF_8),
            new PrintStream(OutputStream.nullOutputStream()));
    Path file = Path.of(args[1]);
    if (Files.exists(file)) {
      List<String> keys = KeysetJson.keyValuesOf(Files.readString(file));
      assertThat(keys).isNotEmpty();
      assertThat(out.toString(UTF_8)).doesNotContain(keys);
    }
    return status;
  }

  private static long otherKeyId(String keyset, long known) {
    return KeysetRotation.describe(keyset).stream()
        .map(line -> Long.parseLong(line.split(" ")[1]))
        .filter(id -> id != known)
        .findFirst()
        .orElseThrow();
  }
}
