package dev.marquee.organization.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Another organization already has this name, perhaps in another case; names identify organizations
 * to admins.
 */
@ApplicationException(rollback = true)
public class OrganizationNameTakenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the name asked for
   * @param existing the other organization's name as stored, or null when not known
   */
  public OrganizationNameTakenException(String name, String existing) {
    super(
        existing == null
            ? "An organization named \""
                + name
                + "\" exists already (names differing only in case are the same name)."
            : existing.equals(name)
                ? "An organization named \"" + name + "\" exists already."
                : "The name \""
                    + name
                    + "\" is taken: an organization named \""
                    + existing
                    + "\" exists already, and names differing only in case are the same name.");
  }
}
