package dev.marquee.console.organizations;

import dev.marquee.admin.boundary.ConsoleAccounts;
import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.admin.boundary.Invitation;
import dev.marquee.admin.boundary.UsernameTakenException;
import dev.marquee.admin.entity.ConsoleAccount;
import dev.marquee.admin.entity.InvalidCredentialsFormatException;
import dev.marquee.console.frame.Ids;
import dev.marquee.console.frame.Notices;
import dev.marquee.console.frame.Pages;
import dev.marquee.console.frame.VisibleOrganizations;
import dev.marquee.organization.boundary.OrganizationNameTakenException;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.InvalidOrganizationNameException;
import dev.marquee.organization.entity.Organization;
import dev.marquee.platform.boundary.NotAllowedException;
import dev.marquee.platform.boundary.NotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Backs the organizations page: a network admin creates organizations and invites their admins; an
 * organization admin sees their own organization and its admins.
 */
@Named
@ViewScoped
public class OrganizationsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Organizations organizations;

  @Inject transient ConsoleAccounts accounts;

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient VisibleOrganizations visibleOrganizations;

  @Inject Notices notices;

  private String newOrganizationName;
  private String inviteUsername;
  private String inviteOrganizationId;
  private Invitation invitation;

  // Read once per view; every action that changes them redirects to a new view, except an
  // invite, which drops them.
  private transient List<ConsoleAccount> visibleAdmins;

  public List<Organization> getOrganizations() {
    return visibleOrganizations.list();
  }

  public List<ConsoleAccount> getAdmins() {
    if (visibleAdmins == null) {
      visibleAdmins = accounts.visibleTo(currentAdmin.require());
    }
    return visibleAdmins;
  }

  /** Organization names by id, for the table. */
  public Map<UUID, String> getOrganizationNames() {
    return visibleOrganizations.names();
  }

  /** "72 hours", as configured. */
  public String getInviteLifetime() {
    return accounts.inviteLifetime().toHours() + " hours";
  }

  public boolean isNetworkAdmin() {
    return currentAdmin.require().isNetworkAdmin();
  }

  public void createOrganization() {
    try {
      Organization created = organizations.create(currentAdmin.require(), newOrganizationName);
      notices.success("Organization " + created.name() + " created.");
      Pages.redirect("/organizations.xhtml");
    } catch (InvalidOrganizationNameException
        | OrganizationNameTakenException
        | NotAllowedException e) {
      Pages.problem(e.getMessage());
    }
  }

  /** Creates the invite and shows its link once, on this page only. */
  public void invite() {
    try {
      invitation =
          accounts.invite(
              currentAdmin.require(),
              inviteUsername,
              Ids.require(inviteOrganizationId, "Organization"));
      inviteUsername = null;
      visibleAdmins = null;
    } catch (InvalidCredentialsFormatException
        | UsernameTakenException
        | NotAllowedException
        | NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  public Invitation getInvitation() {
    return invitation;
  }

  public String getNewOrganizationName() {
    return newOrganizationName;
  }

  public void setNewOrganizationName(String newOrganizationName) {
    this.newOrganizationName = newOrganizationName;
  }

  public String getInviteUsername() {
    return inviteUsername;
  }

  public void setInviteUsername(String inviteUsername) {
    this.inviteUsername = inviteUsername;
  }

  public String getInviteOrganizationId() {
    return inviteOrganizationId;
  }

  public void setInviteOrganizationId(String inviteOrganizationId) {
    this.inviteOrganizationId = inviteOrganizationId;
  }
}
