package dev.marquee.vault.control;

import dev.marquee.vault.entity.SecretPurpose;

/**
 * A sealed value cannot be opened: the key that sealed it is gone, or the value was altered, or it
 * was sealed for another purpose or owner (copied from another row or column). The vault never
 * returns a wrong plaintext instead.
 *
 * <p>Checked, because it is an expected outcome the caller must decide on (typically: mark the
 * Spotify account "needs reconnect"); as a checked exception it also passes through EJBs without
 * rolling their transaction back. The message names the purpose and owner only.
 */
public class SecretUnreadableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the value did not open, as far as can be told without the plaintext. */
  public enum Reason {
    /** The value names a key that the keyset no longer holds (or holds disabled). */
    UNKNOWN_KEY,
    /** The key is there but the value does not authenticate: altered, or bound elsewhere. */
    NOT_AUTHENTIC
  }

  private final SecretPurpose purpose;
  private final String owner;
  private final Reason reason;

  public SecretUnreadableException(
      SecretPurpose purpose, String owner, Reason reason, String detail, Throwable cause) {
    super("Cannot open the " + purpose + " of " + owner + ": " + detail, cause);
    this.purpose = purpose;
    this.owner = owner;
    this.reason = reason;
  }

  public SecretPurpose purpose() {
    return purpose;
  }

  public String owner() {
    return owner;
  }

  public Reason reason() {
    return reason;
  }
}
