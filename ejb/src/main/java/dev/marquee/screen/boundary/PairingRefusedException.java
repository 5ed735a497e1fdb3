package dev.marquee.screen.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A pairing step refused: a wrong, expired or used code, or too many attempts. The message is what
 * the admin or the screen is told; it never says which of "wrong" and "used" it was for codes, so a
 * guesser learns nothing.
 */
@ApplicationException(rollback = true)
public class PairingRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PairingRefusedException(String message) {
    super(message);
  }
}
