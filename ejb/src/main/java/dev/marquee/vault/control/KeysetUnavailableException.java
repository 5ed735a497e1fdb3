package dev.marquee.vault.control;

/**
 * The vault has no usable keys: the configured keyset is missing, unreadable, malformed or holds a
 * key the vault does not accept. The message is one line for operators; it names where the keyset
 * was looked for and never quotes its content.
 */
public class KeysetUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeysetUnavailableException(String message) {
    super(message);
  }

  /** Only with causes whose own messages hold no key material, such as file system errors. */
  public KeysetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
