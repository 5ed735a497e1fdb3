package dev.marquee.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * What was asked for does not exist for this caller: it never existed, is gone, or belongs to an
 * organization the caller cannot see. The three are indistinguishable on purpose, so guessing ids
 * tells nothing.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param what what was looked for, in words ("Spotify account")
   */
  public NotFoundException(String what) {
    super(what + " not found.");
  }
}
