package dev.marquee.screen.entity;

import jakarta.ejb.ApplicationException;

/** A screen's name or group is not acceptable; the message says why. */
@ApplicationException(rollback = true)
public class InvalidScreenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidScreenException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
