package dev.marquee.vault.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import dev.marquee.vault.control.SecretUnreadableException.Reason;
import dev.marquee.vault.entity.Sealed;
import dev.marquee.vault.entity.SecretPurpose;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The vault's keys at work: AES-256-GCM through Tink's AEAD, with the secret's purpose and owner as
 * associated data.
 *
 * <p>The keyset's primary key seals; every enabled key in the keyset opens. Tink puts a five-byte
 * prefix before each ciphertext (a version byte and the sealing key's id), and picks the key to
 * open with from it, which is what makes rotation work: see {@link KeysetRotation} for the
 * operator's steps and {@link #needsResealing(Sealed)} for finding values still sealed with an old
 * key. Tink draws a fresh random 96-bit nonce for every seal.
 *
 * <p>Immutable and safe for concurrent use. Holds key material, so {@link #toString()} tells key
 * ids only.
 */
public final class Keyring {

  /** Tink's output prefix for keys of the TINK variant: this byte, then the key id, big-endian. */
  private static final byte TINK_PREFIX_VERSION = 0x01;

  private static final int PREFIX_LENGTH = 5;

  /**
   * Versions the associated data, so a later format can be told apart from this one. Never change
   * it: values sealed under it would stop opening.
   */
  private static final String ASSOCIATED_DATA_TAG = "marquee-vault:v1";

  private final Aead aead;
  private final int primaryKeyId;
  private final Set<Integer> usableKeyIds;
  private final int size;

  private Keyring(Aead aead, int primaryKeyId, Set<Integer> usableKeyIds, int size) {
    this.aead = aead;
    this.primaryKeyId = primaryKeyId;
    this.usableKeyIds = Set.copyOf(usableKeyIds);
    this.size = size;
  }

  /**
   * The keyring of a keyset the vault accepts: only AES-256-GCM keys with Tink's output prefix (the
   * prefix carries the key id that rotation depends on), and an enabled primary.
   *
   * @param origin where the keyset came from, for the error message ("the file ...")
   * @throws KeysetUnavailableException naming the first key that is not acceptable
   */
  static Keyring of(KeysetHandle keyset, String origin) {
    TinkAead.register();
    Set<Integer> usable = new HashSet<>();
    for (int i = 0; i < keyset.size(); i++) {
      KeysetHandle.Entry entry = keyset.getAt(i);
      if (!isAes256GcmWithPrefix(entry)) {
        throw new KeysetUnavailableException(
            "Key "
                + unsigned(entry.getId())
                + " in "
                + origin
                + " is not an AES256_GCM key with Tink's output prefix, the only kind the vault"
                + " uses.");
      }
      if (entry.getStatus() == KeyStatus.ENABLED) {
        usable.add(entry.getId());
      }
    }
    KeysetHandle.Entry primary;
    try {
      primary = keyset.getPrimary();
    } catch (IllegalStateException e) {
      throw new KeysetUnavailableException("The keyset in " + origin + " has no primary key.");
    }
    if (primary.getStatus() != KeyStatus.ENABLED) {
      throw new KeysetUnavailableException(
          "The primary key " + unsigned(primary.getId()) + " in " + origin + " is not enabled.");
    }
    try {
      Aead aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
      return new Keyring(aead, primary.getId(), usable, keyset.size());
    } catch (GeneralSecurityException e) {
      // Tink's message here describes key types, never key bytes.
      throw new KeysetUnavailableException(
          "Cannot use the keyset in " + origin + ": " + e.getMessage(), e);
    }
  }

  private static boolean isAes256GcmWithPrefix(KeysetHandle.Entry entry) {
    if (!(entry.getKey() instanceof AesGcmKey key)) {
      return false;
    }
    AesGcmParameters parameters = key.getParameters();
    return parameters.getKeySizeBytes() == 32
        && parameters.getIvSizeBytes() == 12
        && parameters.getTagSizeBytes() == 16
        && parameters.getVariant() == AesGcmParameters.Variant.TINK;
  }

  /** Encrypts with the primary key, bound to the purpose and owner. */
  public Sealed seal(String plaintext, SecretPurpose purpose, String owner) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] associatedData = associatedData(purpose, owner);
    try {
      return new Sealed(aead.encrypt(plaintext.getBytes(UTF_8), associatedData));
    } catch (GeneralSecurityException e) {
      // Not expected with a validated keyset; the message must not carry the plaintext, and
      // Tink's does not.
      throw new IllegalStateException("Cannot seal the " + purpose + " of " + owner, e);
    }
  }

  /**
   * Decrypts a value sealed by {@link #seal} with the same purpose and owner, under any usable key
   * of the keyset.
   *
   * @throws SecretUnreadableException when the value does not open; never a wrong plaintext
   */
  public String open(Sealed sealed, SecretPurpose purpose, String owner)
      throws SecretUnreadableException {
    Objects.requireNonNull(sealed, "sealed");
    byte[] associatedData = associatedData(purpose, owner);
    OptionalInt keyId = keyIdOf(sealed);
    if (keyId.isPresent() && !usableKeyIds.contains(keyId.getAsInt())) {
      // Tink would only say "decryption failed"; the operator needs to know a key is missing.
      throw new SecretUnreadableException(
          purpose,
          owner,
          Reason.UNKNOWN_KEY,
          "it was sealed with key "
              + unsigned(keyId.getAsInt())
              + ", which the vault keyset does not hold (or holds disabled).",
          null);
    }
    try {
      return new String(aead.decrypt(sealed.ciphertext(), associatedData), UTF_8);
    } catch (GeneralSecurityException e) {
      throw new SecretUnreadableException(
          purpose,
          owner,
          Reason.NOT_AUTHENTIC,
          "the value was altered, or was sealed for another purpose or owner.",
          e);
    }
  }

  /**
   * Whether a value was sealed with a key other than the primary one, so that a job can open and
   * seal it again before the old key is removed. Also true for a value that carries no key id.
   */
  public boolean needsResealing(Sealed sealed) {
    OptionalInt keyId = keyIdOf(sealed);
    return keyId.isEmpty() || keyId.getAsInt() != primaryKeyId;
  }

  /** The id of the key that seals, as Tink's JSON and Tinkey show it (unsigned). */
  public long primaryKeyId() {
    return Integer.toUnsignedLong(primaryKeyId);
  }

  /** The id of the key a value was sealed with, when it carries Tink's prefix. */
  static OptionalInt keyIdOf(Sealed sealed) {
    byte[] bytes = sealed.ciphertext();
    if (bytes.length < PREFIX_LENGTH || bytes[0] != TINK_PREFIX_VERSION) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(ByteBuffer.wrap(bytes, 1, 4).getInt());
  }

  /**
   * Binds a ciphertext to what it is and whose it is. Unambiguous because purpose ids contain no
   * {@code |} and the owner comes last.
   */
  private static byte[] associatedData(SecretPurpose purpose, String owner) {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(owner, "owner");
    if (owner.isBlank()) {
      throw new IllegalArgumentException("A sealed secret needs an owner.");
    }
    return (ASSOCIATED_DATA_TAG + "|" + purpose.id() + "|" + owner).getBytes(UTF_8);
  }

  // Tink's JSON and Tinkey print key ids as unsigned 32-bit numbers; operators compare with those.
  static String unsigned(int keyId) {
    return Integer.toUnsignedString(keyId);
  }

  @Override
  public String toString() {
    return "Keyring[primary key " + unsigned(primaryKeyId) + ", " + size + " keys]";
  }
}
