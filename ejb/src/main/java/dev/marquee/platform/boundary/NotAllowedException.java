package dev.marquee.platform.boundary;

import jakarta.ejb.ApplicationException;

/** The caller is signed in but their role does not allow the action (only network admins may). */
@ApplicationException(rollback = true)
public class NotAllowedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotAllowedException(String message) {
    super(message);
  }
}
