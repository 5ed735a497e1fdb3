package dev.marquee.widget.boundary;

import jakarta.ejb.ApplicationException;

/** The organization already has a widget configuration of that name. */
@ApplicationException(rollback = true)
public class WidgetConfigurationNameTakenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WidgetConfigurationNameTakenException(String name) {
    super("The organization already has a widget configuration named \"" + name + "\".");
  }
}
