package dev.marquee.vault.control;

import static dev.marquee.vault.entity.SecretPurpose.SPOTIFY_CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.marquee.vault.CapturedLog;
import dev.marquee.vault.entity.Sealed;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysetSourceTest {

  private static final String CLIENT_SECRET = "spotify-client-secret-d41d8cd98f00";
  private static final String APP = "7d1f4c1e-1111-4a2b-8c3d-2e2f30313233";

  @TempDir Path directory;

  private Path defaultFile() {
    return directory.resolve("data/secrets/vault-keyset.json");
  }

  private KeysetSource source() {
    return new KeysetSource(defaultFile());
  }

  @Test
  void theInlineKeysetWinsOverTheFile() throws Exception {
    String inline = KeysetSource.newKeysetJson();
    Path file = directory.resolve("other-keyset.json");
    Files.writeString(file, KeysetSource.newKeysetJson());

    Keyring loaded = source().load(Optional.of(inline), file.toString());

    Keyring inlineOnly = source().load(Optional.of(inline), "");
    Keyring fileOnly = source().load(Optional.empty(), file.toString());
    assertThat(loaded.primaryKeyId())
        .isEqualTo(inlineOnly.primaryKeyId())
        .isNotEqualTo(fileOnly.primaryKeyId());
    Sealed sealed = loaded.seal(CLIENT_SECRET, SPOTIFY_CLIENT_SECRET, APP);
    assertThat(inlineOnly.open(sealed, SPOTIFY_CLIENT_SECRET, APP)).isEqualTo(CLIENT_SECRET);
    assertThatThrownBy(() -> fileOnly.open(sealed, SPOTIFY_CLIENT_SECRET, APP))
        .isInstanceOf(SecretUnreadableException.class);
  }

  @Test
  void theInlineKeysetWinsEvenOverAMissingFile() {
    Path missing = directory.resolve("missing.json");

    Keyring keyring = source().load(Optional.of(KeysetSource.newKeysetJson()), missing.toString());

    assertThat(keyring.seal(CLIENT_SECRET, SPOTIFY_CLIENT_SECRET, APP).length()).isPositive();
    assertThat(missing).doesNotExist();
    assertThat(defaultFile()).doesNotExist();
  }

  @Test
  void aBlankInlineKeysetCountsAsUnset() throws Exception {
    Path file = directory.resolve("keyset.json");
    String keyset = KeysetSource.newKeysetJson();
    Files.writeString(file, keyset);

    Keyring keyring = source().load(Optional.of("  \n"), file.toString());

    assertThat(keyring.primaryKeyId())
        .isEqualTo(source().load(Optional.of(keyset), "").primaryKeyId());
  }

  @Test
  void aConfiguredFileThatIsMissingIsAClearErrorAndNoKeyIsGenerated() {
    Path missing = directory.resolve("secrets/vault-keyset.json");

    KeysetUnavailableException e =
        catchThrowableOfType(
            KeysetUnavailableException.class,
            () -> source().load(Optional.empty(), missing.toString()));

    assertThat(e)
        .hasMessageStartingWith("The vault keyset file " + missing + " (marquee.vault.keyset-file)")
        .hasMessageContaining("does not exist")
        .hasMessageContaining(KeysetSource.FILE_KEY);
    assertThat(e.getMessage()).doesNotContain("\n");
    assertThat(missing).doesNotExist();
    assertThat(missing.getParent()).doesNotExist();
    assertThat(defaultFile()).doesNotExist();
  }

  @Test
  void anUnreadableFileIsAClearError() throws Exception {
    Path notAFile = Files.createDirectory(directory.resolve("keyset.json"));

    assertThatThrownBy(() -> source().load(Optional.empty(), notAFile.toString()))
        .isInstanceOf(KeysetUnavailableException.class)
        .hasMessageStartingWith("Cannot read the vault keyset file " + notAFile)
        .hasMessageNotContaining("\n");
  }

  @Test
  void theDefaultFileIsGeneratedOnceOwnerOnlyWithOneWarning() throws Exception {
    Sealed sealed;
    try (CapturedLog log = CapturedLog.of(KeysetSource.class)) {
      Keyring first = source().load(Optional.empty(), defaultFile().toString());
      sealed = first.seal(CLIENT_SECRET, SPOTIFY_CLIENT_SECRET, APP);

      assertThat(defaultFile()).isRegularFile();
      assertThat(log.messagesAtOrAbove(Level.WARNING))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains("Generated a new vault key in " + defaultFile())
                      .contains("Back this file up together with the database")
                      .contains("reconnect")
                      .doesNotContain("\n")
                      .doesNotContain(KeysetJson.keyValueOf(Files.readString(defaultFile()))));

      // A second start reads the same key and warns no more.
      Keyring second = source().load(Optional.empty(), defaultFile().toString());
      assertThat(second.open(sealed, SPOTIFY_CLIENT_SECRET, APP)).isEqualTo(CLIENT_SECRET);
      assertThat(second.primaryKeyId()).isEqualTo(first.primaryKeyId());
      assertThat(log.messagesAtOrAbove(Level.WARNING)).hasSize(1);
    }
    // Nothing left behind but the keyset.
    try (var files = Files.list(defaultFile().getParent())) {
      assertThat(files).containsExactly(defaultFile());
    }
  }

  @Test
  void theGeneratedFileAndItsDirectoryAreOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));

    source().load(Optional.empty(), defaultFile().toString());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultFile())))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(defaultFile().getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void namingTheDefaultFileExplicitlyCountsAsTheDefault() {
    String sameFileSpeltDifferently =
        directory.resolve("data/./secrets/../secrets/vault-keyset.json").toString();

    source().load(Optional.empty(), sameFileSpeltDifferently);

    assertThat(defaultFile()).isRegularFile();
  }

  @Test
  void malformedJsonIsAClearErrorThatDoesNotEchoIt() throws Exception {
    String leaked = "c2VjcmV0LWtleS1tYXRlcmlhbA";
    String[] malformed = {
      "{\"primaryKeyId\": 1, \"key\": [{\"keyData\": {\"value\": \"" + leaked,
      "{\"primaryKeyId\": \"" + leaked + "\"}",
      leaked,
      "{\"primaryKeyId\": 1, \"key\": []} " + leaked,
    };
    Path file = directory.resolve("keyset.json");

    for (String json : malformed) {
      KeysetUnavailableException inline =
          catchThrowableOfType(
              KeysetUnavailableException.class, () -> source().load(Optional.of(json), ""));
      Files.writeString(file, json);
      KeysetUnavailableException fromFile =
          catchThrowableOfType(
              KeysetUnavailableException.class,
              () -> source().load(Optional.empty(), file.toString()));

      assertThat(inline)
          .as(json)
          .hasMessageStartingWith("The configuration value marquee.vault.keyset is not a valid")
          .hasNoCause();
      assertThat(fromFile)
          .as(json)
          .hasMessageStartingWith(
              "The vault keyset file " + file + " (marquee.vault.keyset-file) is not a valid")
          .hasNoCause();
      assertThat(inline.toString()).doesNotContain(leaked).doesNotContain("\n");
      assertThat(fromFile.toString()).doesNotContain(leaked).doesNotContain("\n");
    }
  }

  @Test
  void keysOtherThanAes256GcmAreRefusedByName() throws Exception {
    TinkAead.register();
    KeysetHandle aes128 = KeysetHandle.generateNew(PredefinedAeadParameters.AES128_GCM);
    String json = KeysetSource.serialize(aes128);
    long keyId = Integer.toUnsignedLong(aes128.getPrimary().getId());

    assertThatThrownBy(() -> source().load(Optional.of(json), ""))
        .isInstanceOf(KeysetUnavailableException.class)
        .hasMessageContaining("Key " + keyId)
        .hasMessageContaining("AES256_GCM")
        .hasMessageNotContaining(KeysetJson.keyValueOf(json));
  }

  @Test
  void newKeysetsAreDistinct() {
    assertThat(KeysetSource.newKeysetJson()).isNotEqualTo(KeysetSource.newKeysetJson());
  }
}
