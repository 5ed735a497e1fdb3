package dev.marquee.vault.boundary;

import dev.marquee.vault.control.Keyring;
import dev.marquee.vault.control.KeysetSource;
import dev.marquee.vault.control.KeysetUnavailableException;
import dev.marquee.vault.control.SecretUnreadableException;
import dev.marquee.vault.entity.Sealed;
import dev.marquee.vault.entity.SecretPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps secrets (Spotify access and refresh tokens, Spotify app client secrets) encrypted at rest:
 * AES-256-GCM through Google Tink, each value bound to its purpose and owner, so a ciphertext
 * copied to another row or column does not open.
 *
 * <p>Features seal a secret before storing it and open it right before use; the plaintext is never
 * stored, logged or rendered. Owners are stable identifiers, such as the Spotify account's or the
 * Spotify app's UUID.
 *
 * <p>The keys come from configuration ({@link KeysetSource}) and are loaded at start, so a missing
 * or broken keyset shows up as one line in the log right away. It does not stop the server: the
 * console stays usable, each seal or open fails with that same message, and the keyset is looked
 * for again on the next use, so restoring a missing file needs no restart.
 */
@ApplicationScoped
public class Vault {

  private static final Logger LOG = Logger.getLogger(Vault.class.getName());

  @Inject
  @ConfigProperty(name = KeysetSource.INLINE_KEY)
  Optional<String> inlineKeyset;

  @Inject
  @ConfigProperty(name = KeysetSource.FILE_KEY, defaultValue = KeysetSource.DEFAULT_FILE)
  String keysetFile;

  KeysetSource source = new KeysetSource();

  private volatile Keyring keyring;

  /** Loads the keys when the application starts rather than at the first secret. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    try {
      keyring();
    } catch (KeysetUnavailableException e) {
      LOG.severe(e::getMessage);
    }
  }

  /**
   * Encrypts a secret for storage.
   *
   * @param owner the stable id of what the secret belongs to; the same value must open it
   * @throws KeysetUnavailableException when the vault has no usable keys
   */
  public Sealed seal(String plaintext, SecretPurpose purpose, String owner) {
    return keyring().seal(plaintext, purpose, owner);
  }

  /**
   * Decrypts a stored secret, given the purpose and owner it was sealed for.
   *
   * @throws SecretUnreadableException when it does not open (key gone, value altered, or sealed for
   *     another purpose or owner); never a wrong plaintext
   * @throws KeysetUnavailableException when the vault has no usable keys
   */
  public String open(Sealed sealed, SecretPurpose purpose, String owner)
      throws SecretUnreadableException {
    return keyring().open(sealed, purpose, owner);
  }

  /**
   * Whether a stored value was sealed with a key that is no longer primary, and should be opened
   * and sealed again before that key is removed from the keyset.
   */
  public boolean needsResealing(Sealed sealed) {
    return keyring().needsResealing(sealed);
  }

  private Keyring keyring() {
    Keyring loaded = keyring;
    if (loaded == null) {
      synchronized (this) {
        loaded = keyring;
        if (loaded == null) {
          // A failure leaves the field empty, so the next use looks again.
          loaded = source.load(inlineKeyset, keysetFile);
          keyring = loaded;
        }
      }
    }
    return loaded;
  }
}
