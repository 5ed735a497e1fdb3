package dev.marquee.device;

/** The pairing API answered, but not with what the protocol promises. */
final class PairingException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean tooManyCodes;

  PairingException(String message, boolean tooManyCodes) {
    super(message);
    this.tooManyCodes = tooManyCodes;
  }

  /** The server refused a new code (429): this address has enough waiting; try later. */
  boolean tooManyCodes() {
    return tooManyCodes;
  }
}
