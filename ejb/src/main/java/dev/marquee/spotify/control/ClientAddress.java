package dev.marquee.spotify.control;

import dev.marquee.admin.boundary.CurrentAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The address of the request being served, for the audit log; none when there is no request (a
 * timer, the poller).
 */
@ApplicationScoped
public class ClientAddress {

  @Inject Instance<CurrentAdmin> currentAdmin;

  /** The client's address, or {@code null} outside a request. */
  public String current() {
    try {
      return currentAdmin.get().clientAddress();
    } catch (ContextNotActiveException e) {
      return null;
    }
  }
}
