package dev.marquee.organization.entity;

import jakarta.ejb.ApplicationException;

/** A name an organization cannot have; the message is fit to show to an admin. */
@ApplicationException(rollback = true)
public class InvalidOrganizationNameException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidOrganizationNameException(String message) {
    super(message);
  }
}
