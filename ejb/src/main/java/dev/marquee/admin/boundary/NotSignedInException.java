package dev.marquee.admin.boundary;

import jakarta.ejb.ApplicationException;

/** A console action was called without a signed-in admin (for example, after sign-out). */
@ApplicationException(rollback = true)
public class NotSignedInException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotSignedInException() {
    super("Sign in to continue.");
  }
}
