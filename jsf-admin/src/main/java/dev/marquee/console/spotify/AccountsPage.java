package dev.marquee.console.spotify;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.console.frame.Ids;
import dev.marquee.console.frame.Pages;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.Organization;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.polling.boundary.AccountPolling;
import dev.marquee.polling.boundary.PollingStatus;
import dev.marquee.spotify.boundary.SpotifyAccountView;
import dev.marquee.spotify.boundary.SpotifyAppNotSetException;
import dev.marquee.spotify.boundary.SpotifyAppView;
import dev.marquee.spotify.boundary.SpotifyApps;
import dev.marquee.spotify.boundary.SpotifyConnections;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Backs the Spotify accounts page of one organization: the accounts, their connection and polling
 * status, and Connect. Without an {@code organization} parameter it shows the admin's own
 * organization.
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient Organizations organizations;

  @Inject transient SpotifyConnections connections;

  @Inject transient SpotifyApps apps;

  @Inject transient PollingStatus pollingStatus;

  @Inject ConnectBinding binding;

  private String organizationParameter;
  private UUID organizationId;
  private String organizationName;
  private boolean found;

  // Read once per view (the page asks twice); Connect leaves the console.
  private transient List<SpotifyAccountView> accounts;
  private transient Map<UUID, AccountPolling> polling;

  public void load() {
    AdminView admin = currentAdmin.require();
    UUID requested = Ids.parse(organizationParameter).orElse(admin.organizationId());
    try {
      Organization organization = organizations.visible(admin, requested);
      organizationId = organization.id();
      organizationName = organization.name();
      found = true;
    } catch (NotFoundException e) {
      Pages.notFound();
    }
  }

  /** Starts the connect flow: off to Spotify's consent page. */
  public void connect() {
    try {
      Pages.leaveFor(connections.start(currentAdmin.require(), organizationId, binding.secret()));
    } catch (SpotifyAppNotSetException | NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  public List<SpotifyAccountView> getAccounts() {
    if (accounts == null) {
      accounts = found ? connections.accounts(currentAdmin.require(), organizationId) : List.of();
    }
    return accounts;
  }

  /** How polling stands for one of this page's accounts, in words; empty when not polled. */
  public String pollingOf(UUID accountId) {
    if (polling == null) {
      polling = new HashMap<>();
      for (SpotifyAccountView account : getAccounts()) {
        // The accounts listed are the ones this admin may see.
        pollingStatus.of(account.id()).ifPresent(status -> polling.put(account.id(), status));
      }
    }
    AccountPolling status = polling.get(accountId);
    return status == null ? "" : status.status().words();
  }

  /** "12 / 260": calls in the last hour and the last 24 hours. */
  public String callsOf(UUID accountId) {
    pollingOf(accountId);
    AccountPolling status = polling.get(accountId);
    return status == null ? "" : status.callsLastHour() + " / " + status.callsLastDay();
  }

  public Optional<SpotifyAppView> getApp() {
    return found ? apps.appFor(currentAdmin.require(), organizationId) : Optional.empty();
  }

  public List<Organization> getOrganizations() {
    return organizations.visibleTo(currentAdmin.require());
  }

  public boolean isFound() {
    return found;
  }

  public String getOrganizationName() {
    return organizationName;
  }

  public UUID getOrganizationId() {
    return organizationId;
  }

  public String getOrganization() {
    return organizationParameter;
  }

  public void setOrganization(String organization) {
    this.organizationParameter = organization;
  }
}
