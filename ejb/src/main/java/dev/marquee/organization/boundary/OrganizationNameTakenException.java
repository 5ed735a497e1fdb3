package dev.marquee.organization.boundary;

import jakarta.ejb.ApplicationException;

/** Another organization already has this name; names identify organizations to admins. */
@ApplicationException(rollback = true)
public class OrganizationNameTakenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OrganizationNameTakenException(String name) {
    super("An organization named \"" + name + "\" exists already.");
  }
}
