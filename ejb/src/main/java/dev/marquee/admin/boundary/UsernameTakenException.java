package dev.marquee.admin.boundary;

import jakarta.ejb.ApplicationException;

/** Another console account has the username. */
@ApplicationException(rollback = true)
public class UsernameTakenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsernameTakenException(String username) {
    super("The username " + username + " is taken; choose another.");
  }
}
