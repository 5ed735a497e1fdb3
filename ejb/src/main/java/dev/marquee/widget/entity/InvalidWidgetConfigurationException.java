package dev.marquee.widget.entity;

import jakarta.ejb.ApplicationException;

/** A widget configuration's name or sources are not acceptable; the message says why. */
@ApplicationException(rollback = true)
public class InvalidWidgetConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidWidgetConfigurationException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
