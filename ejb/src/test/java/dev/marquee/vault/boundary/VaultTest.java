package dev.marquee.vault.boundary;

import static dev.marquee.vault.entity.SecretPurpose.SPOTIFY_ACCESS_TOKEN;
import static dev.marquee.vault.entity.SecretPurpose.SPOTIFY_REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.vault.CapturedLog;
import dev.marquee.vault.control.KeysetSource;
import dev.marquee.vault.control.KeysetUnavailableException;
import dev.marquee.vault.control.SecretUnreadableException;
import dev.marquee.vault.entity.Sealed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {

  private static final String REFRESH_TOKEN = "AQCvault-refresh-token-0d9b";

  @TempDir Path directory;

  private static Vault vault(Optional<String> inlineKeyset, String keysetFile) {
    // As CDI would inject it; the default source's ./data file is never reached in these tests.
    Vault vault = new Vault();
    vault.inlineKeyset = inlineKeyset;
    vault.keysetFile = keysetFile;
    return vault;
  }

  @Test
  void sealsAndOpensForTheSameAccount() throws SecretUnreadableException {
    Vault vault = vault(Optional.of(KeysetSource.newKeysetJson()), KeysetSource.DEFAULT_FILE);
    String account = UUID.randomUUID().toString();

    Sealed sealed = vault.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, account);

    assertThat(vault.open(sealed, SPOTIFY_REFRESH_TOKEN, account)).isEqualTo(REFRESH_TOKEN);
    assertThat(vault.needsResealing(sealed)).isFalse();
    assertThatThrownBy(() -> vault.open(sealed, SPOTIFY_ACCESS_TOKEN, account))
        .isInstanceOf(SecretUnreadableException.class)
        .hasMessageNotContaining(REFRESH_TOKEN);
    assertThatThrownBy(
            () -> vault.open(sealed, SPOTIFY_REFRESH_TOKEN, UUID.randomUUID().toString()))
        .isInstanceOf(SecretUnreadableException.class)
        .hasMessageNotContaining(REFRESH_TOKEN);
  }

  @Test
  void aMissingKeysetIsLoggedOnceAtStartAndNamedAtEachUse() throws Exception {
    Path file = directory.resolve("vault-keyset.json");
    Vault vault = vault(Optional.empty(), file.toString());

    try (CapturedLog log = CapturedLog.of(Vault.class)) {
      vault.start(new Object());

      assertThat(log.messagesAtOrAbove(Level.SEVERE))
          .singleElement()
          .satisfies(line -> assertThat(line).contains(file.toString()).contains("does not exist"));
    }
    assertThatThrownBy(() -> vault.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, "owner"))
        .isInstanceOf(KeysetUnavailableException.class)
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining(REFRESH_TOKEN);
    assertThat(file).doesNotExist();

    // Restoring the file is enough: the next use finds it.
    String keyset = KeysetSource.newKeysetJson();
    Files.writeString(file, keyset);
    Sealed sealed = vault.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, "owner");
    assertThat(vault(Optional.of(keyset), "").open(sealed, SPOTIFY_REFRESH_TOKEN, "owner"))
        .isEqualTo(REFRESH_TOKEN);
  }

  @Test
  void keepsTheKeysItLoaded() throws Exception {
    Path file = directory.resolve("vault-keyset.json");
    Files.writeString(file, KeysetSource.newKeysetJson());
    Vault vault = vault(Optional.empty(), file.toString());
    vault.start(new Object());
    Sealed sealed = vault.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, "owner");

    // The file is read at start, not at every use.
    Files.delete(file);

    assertThat(vault.open(sealed, SPOTIFY_REFRESH_TOKEN, "owner")).isEqualTo(REFRESH_TOKEN);
  }
}
