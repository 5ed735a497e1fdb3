package dev.marquee.admin.boundary;

import jakarta.ejb.ApplicationException;

/** An invite link that cannot be used: unknown, used or expired. Nothing changed. */
@ApplicationException(rollback = true)
public class InviteRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InviteRefusedException(String message) {
    super(message);
  }
}
