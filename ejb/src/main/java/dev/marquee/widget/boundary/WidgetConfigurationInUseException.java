package dev.marquee.widget.boundary;

import jakarta.ejb.ApplicationException;

/** Screens show the configuration: it cannot be deleted until they show another. */
@ApplicationException(rollback = true)
public class WidgetConfigurationInUseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WidgetConfigurationInUseException(String name, long screens) {
    super(
        screens
            + (screens == 1 ? " screen shows " : " screens show ")
            + name
            + "; give "
            + (screens == 1 ? "it" : "them")
            + " another configuration (or delete "
            + (screens == 1 ? "it" : "them")
            + ") first.");
  }
}
