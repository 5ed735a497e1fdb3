package dev.marquee.vault.control;

import com.google.crypto.tink.aead.AeadConfig;
import java.security.GeneralSecurityException;

/**
 * Registers Tink's AEAD key types once per class loader. Parsing a keyset and making its cipher
 * both need them; a holder class gives "once" without locks, and {@link AeadConfig#register()} is
 * harmless if another part of the server registered them already.
 */
final class TinkAead {

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      // Only a broken Tink installation gets here; nothing can be sealed without it.
      throw new ExceptionInInitializerError(e);
    }
  }

  private TinkAead() {}

  /** Makes sure the registration above has run. */
  static void register() {
    // Calling a static method initializes the class; the work is in the static block.
  }
}
