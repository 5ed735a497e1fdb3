package dev.marquee.vault.control;

import static dev.marquee.vault.entity.SecretPurpose.SPOTIFY_ACCESS_TOKEN;
import static dev.marquee.vault.entity.SecretPurpose.SPOTIFY_CLIENT_SECRET;
import static dev.marquee.vault.entity.SecretPurpose.SPOTIFY_REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.marquee.vault.control.SecretUnreadableException.Reason;
import dev.marquee.vault.entity.Sealed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {

  private static final String REFRESH_TOKEN = "AQDrefresh-token-that-must-never-leak-7f3c";
  private static final String ACCOUNT = "0b6c3b52-3d2e-4b8e-9d55-0c1d1c9e6a01";

  @TempDir Path directory;

  private Keyring keyring(String keysetJson) {
    // The default file is never consulted when the keyset is given inline.
    return new KeysetSource(directory.resolve("unused.json"))
        .load(Optional.of(keysetJson), "unused");
  }

  @Test
  void opensWhatItSealed() throws SecretUnreadableException {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());

    for (String secret : new String[] {REFRESH_TOKEN, "", "ünïcödé ✓ 🎵"}) {
      Sealed sealed = keyring.seal(secret, SPOTIFY_REFRESH_TOKEN, ACCOUNT);

      assertThat(keyring.open(sealed, SPOTIFY_REFRESH_TOKEN, ACCOUNT)).isEqualTo(secret);
    }
  }

  @Test
  void sealedBytesHoldNeitherThePlaintextNorTheOwner() {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());

    String stored =
        new String(
            keyring.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT).ciphertext(),
            StandardCharsets.ISO_8859_1);

    assertThat(stored).doesNotContain(REFRESH_TOKEN).doesNotContain("refresh-token");
    assertThat(stored).doesNotContain(ACCOUNT);
  }

  @Test
  void sealingTheSameSecretTwiceGivesDifferentValues() {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());

    Sealed first = keyring.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT);
    Sealed second = keyring.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT);

    assertThat(first).isNotEqualTo(second);
    // Same key, fresh nonce: the five-byte key prefix agrees, the rest does not.
    assertThat(Keyring.keyIdOf(first)).isEqualTo(Keyring.keyIdOf(second));
  }

  @Test
  void aValueCopiedToAnotherPurposeDoesNotOpen() {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());
    Sealed refresh = keyring.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT);

    SecretUnreadableException e =
        catchThrowableOfType(
            SecretUnreadableException.class,
            () -> keyring.open(refresh, SPOTIFY_ACCESS_TOKEN, ACCOUNT));

    assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTIC);
    assertThat(e.purpose()).isEqualTo(SPOTIFY_ACCESS_TOKEN);
    assertThat(e)
        .hasMessageContaining("SPOTIFY_ACCESS_TOKEN")
        .hasMessageContaining(ACCOUNT)
        .hasMessageNotContaining(REFRESH_TOKEN);
    assertThat(e.toString()).doesNotContain(REFRESH_TOKEN);
  }

  @Test
  void aValueCopiedToAnotherOwnersRowDoesNotOpen() {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());
    String otherAccount = UUID.randomUUID().toString();
    Sealed sealed = keyring.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT);

    SecretUnreadableException e =
        catchThrowableOfType(
            SecretUnreadableException.class,
            () -> keyring.open(sealed, SPOTIFY_REFRESH_TOKEN, otherAccount));

    assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTIC);
    assertThat(e.owner()).isEqualTo(otherAccount);
    assertThat(e)
        .hasMessageContaining(otherAccount)
        .hasMessageNotContaining(REFRESH_TOKEN)
        .hasStackTraceContaining("SecretUnreadableException");
    assertThat(stackTraceOf(e)).doesNotContain(REFRESH_TOKEN);
  }

  @Test
  void ownersThatOnlyLookAlikeDoNotShareValues() {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());
    Sealed sealed = keyring.seal("client-secret", SPOTIFY_CLIENT_SECRET, "app-1");

    assertThatThrownBy(() -> keyring.open(sealed, SPOTIFY_CLIENT_SECRET, "app-1 "))
        .isInstanceOf(SecretUnreadableException.class);
    assertThatThrownBy(() -> keyring.open(sealed, SPOTIFY_CLIENT_SECRET, "APP-1"))
        .isInstanceOf(SecretUnreadableException.class);
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());
    byte[] bytes = keyring.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT).ciphertext();
    // Nonce (after the 5-byte prefix), encrypted text, authentication tag (the last 16 bytes).
    int[] positions = {5, 5 + 12 + 3, bytes.length - 1};

    for (int position : positions) {
      byte[] tampered = bytes.clone();
      tampered[position] ^= 0x01;

      SecretUnreadableException e =
          catchThrowableOfType(
              SecretUnreadableException.class,
              () -> keyring.open(new Sealed(tampered), SPOTIFY_REFRESH_TOKEN, ACCOUNT));

      assertThat(e).as("byte %d flipped", position).isNotNull();
      assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTIC);
      assertThat(e).hasMessageNotContaining(REFRESH_TOKEN);
    }
  }

  @Test
  void aValueWithATamperedKeyPrefixDoesNotOpen() {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());
    byte[] bytes = keyring.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT).ciphertext();

    for (int position = 0; position < 5; position++) {
      byte[] tampered = bytes.clone();
      tampered[position] ^= 0x01;

      assertThatThrownBy(() -> keyring.open(new Sealed(tampered), SPOTIFY_REFRESH_TOKEN, ACCOUNT))
          .as("prefix byte %d flipped", position)
          .isInstanceOf(SecretUnreadableException.class)
          .hasMessageNotContaining(REFRESH_TOKEN);
    }
  }

  @Test
  void aTruncatedValueDoesNotOpen() {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());
    byte[] bytes = keyring.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT).ciphertext();

    for (int length : new int[] {1, 5, 17, bytes.length - 1}) {
      byte[] truncated = java.util.Arrays.copyOf(bytes, length);

      assertThatThrownBy(() -> keyring.open(new Sealed(truncated), SPOTIFY_REFRESH_TOKEN, ACCOUNT))
          .as("first %d bytes", length)
          .isInstanceOf(SecretUnreadableException.class);
    }
  }

  @Test
  void aValueFromAnotherKeysetNamesItsUnknownKey() {
    Keyring ours = keyring(KeysetSource.newKeysetJson());
    Keyring theirs = keyring(KeysetSource.newKeysetJson());
    Sealed sealed = theirs.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT);

    SecretUnreadableException e =
        catchThrowableOfType(
            SecretUnreadableException.class,
            () -> ours.open(sealed, SPOTIFY_REFRESH_TOKEN, ACCOUNT));

    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY);
    assertThat(e)
        .hasMessageContaining("key " + theirs.primaryKeyId())
        .hasMessageNotContaining(REFRESH_TOKEN);
  }

  @Test
  void rotationKeepsOldValuesReadableUntilTheOldKeyIsRemoved() throws SecretUnreadableException {
    String keysetA = KeysetSource.newKeysetJson();
    Keyring withA = keyring(keysetA);
    long keyA = withA.primaryKeyId();
    Sealed sealedWithA = withA.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT);
    assertThat(withA.needsResealing(sealedWithA)).isFalse();

    // Key B added as primary: A still opens its values, B seals from now on.
    String keysetAb = KeysetRotation.addKey(keysetA, true);
    Keyring withAb = keyring(keysetAb);
    long keyB = withAb.primaryKeyId();
    assertThat(keyB).isNotEqualTo(keyA);
    assertThat(withAb.open(sealedWithA, SPOTIFY_REFRESH_TOKEN, ACCOUNT)).isEqualTo(REFRESH_TOKEN);
    assertThat(withAb.needsResealing(sealedWithA)).isTrue();

    Sealed sealedWithB = withAb.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, ACCOUNT);
    assertThat(Integer.toUnsignedLong(Keyring.keyIdOf(sealedWithB).orElseThrow())).isEqualTo(keyB);
    assertThat(withAb.needsResealing(sealedWithB)).isFalse();

    // Key A removed: its values no longer open, and the error says which key is missing.
    Keyring withB = keyring(KeysetRotation.remove(keysetAb, keyA));
    assertThat(withB.open(sealedWithB, SPOTIFY_REFRESH_TOKEN, ACCOUNT)).isEqualTo(REFRESH_TOKEN);
    SecretUnreadableException e =
        catchThrowableOfType(
            SecretUnreadableException.class,
            () -> withB.open(sealedWithA, SPOTIFY_REFRESH_TOKEN, ACCOUNT));
    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY);
    assertThat(e).hasMessageContaining("key " + keyA).hasMessageNotContaining(REFRESH_TOKEN);
  }

  @Test
  void aValueWithoutTinksPrefixNeedsResealing() {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());

    assertThat(keyring.needsResealing(new Sealed(new byte[] {0x02, 1, 2, 3, 4, 5, 6}))).isTrue();
    assertThat(keyring.needsResealing(new Sealed(new byte[] {0x01, 1}))).isTrue();
  }

  @Test
  void refusesToSealWithoutAnOwnerOrPurpose() {
    Keyring keyring = keyring(KeysetSource.newKeysetJson());

    assertThatThrownBy(() -> keyring.seal(REFRESH_TOKEN, SPOTIFY_REFRESH_TOKEN, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(REFRESH_TOKEN);
    assertThatThrownBy(() -> keyring.seal(REFRESH_TOKEN, null, ACCOUNT))
        .isInstanceOf(NullPointerException.class)
        .hasMessageNotContaining(REFRESH_TOKEN);
    assertThatThrownBy(() -> keyring.seal(null, SPOTIFY_REFRESH_TOKEN, ACCOUNT))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void toStringTellsKeyIdsOnly() {
    String keyset = KeysetSource.newKeysetJson();
    Keyring keyring = keyring(keyset);

    assertThat(keyring.toString())
        .isEqualTo("Keyring[primary key " + keyring.primaryKeyId() + ", 1 keys]")
        .doesNotContain(KeysetJson.keyValueOf(keyset));
  }

  private static String stackTraceOf(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}
