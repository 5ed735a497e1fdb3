package dev.marquee.admin.entity;

/** A username or password that Marquee does not accept; the message says why, in words. */
@jakarta.ejb.ApplicationException(rollback = true)
public class InvalidCredentialsFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidCredentialsFormatException(String message) {
    super(message);
  }
}
