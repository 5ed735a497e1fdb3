package dev.marquee.widget.control;

import jakarta.ejb.ApplicationException;

/**
 * Option values a widget definition's options schema does not allow. The message names the field
 * and says what is allowed, in words an admin can act on; it never echoes more than the field's
 * name and the offending value's type.
 */
@ApplicationException(rollback = true)
public class InvalidOptionsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidOptionsException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The option's key, or {@code null} when the values as a whole are wrong (not an object). */
  public String field() {
    return field;
  }
}
