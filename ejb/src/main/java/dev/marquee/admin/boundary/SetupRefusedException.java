package dev.marquee.admin.boundary;

import jakarta.ejb.ApplicationException;

/** First-run setup was refused: wrong or used code, or setup already done. Nothing changed. */
@ApplicationException(rollback = true)
public class SetupRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SetupRefusedException(String message) {
    super(message);
  }
}
