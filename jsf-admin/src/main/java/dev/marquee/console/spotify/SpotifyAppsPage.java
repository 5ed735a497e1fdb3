package dev.marquee.console.spotify;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.console.frame.Ids;
import dev.marquee.console.frame.Notices;
import dev.marquee.console.frame.Pages;
import dev.marquee.console.frame.VisibleOrganizations;
import dev.marquee.organization.entity.Organization;
import dev.marquee.platform.boundary.NotAllowedException;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.spotify.boundary.SpotifyAppView;
import dev.marquee.spotify.boundary.SpotifyApps;
import dev.marquee.spotify.entity.CredentialCheck;
import dev.marquee.spotify.entity.InvalidSpotifyAppException;
import dev.marquee.spotify.entity.SpotifyApp;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Backs the Spotify apps page: the redirect URI to register, the default app (network admins) and
 * organizations' own apps, usage against each app's user limit, and "Test credentials". A stored
 * secret is never shown: the secret field only replaces it.
 */
@Named
@ViewScoped
public class SpotifyAppsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient SpotifyApps apps;

  @Inject transient VisibleOrganizations visibleOrganizations;

  @Inject Notices notices;

  private String defaultClientId;
  private String defaultSecret;
  private Integer defaultUserLimit = SpotifyApp.DEFAULT_USER_LIMIT;
  private String organizationId;
  private String organizationClientId;
  private String organizationSecret;
  private Integer organizationUserLimit = SpotifyApp.DEFAULT_USER_LIMIT;

  // Read once per view (the page asks for them per table row); every saving action redirects.
  private transient List<SpotifyAppView> visibleApps;

  public void load() {
    AdminView admin = currentAdmin.require();
    organizationId = admin.organizationId().toString();
    for (SpotifyAppView app : getApps()) {
      if (app.isDefault()) {
        defaultClientId = app.clientId();
        defaultUserLimit = app.userLimit();
      }
    }
  }

  public void saveDefault() {
    char[] secret = secretOf(defaultSecret);
    defaultSecret = null;
    try {
      apps.saveDefault(currentAdmin.require(), defaultClientId, secret, limit(defaultUserLimit));
      notices.success("Saved the default Spotify app " + defaultClientId.strip() + ".");
      Pages.redirect("/spotify-apps.xhtml");
    } catch (InvalidSpotifyAppException | NotAllowedException e) {
      Pages.problem(e.getMessage());
    }
  }

  public void saveForOrganization() {
    char[] secret = secretOf(organizationSecret);
    organizationSecret = null;
    try {
      apps.saveForOrganization(
          currentAdmin.require(),
          Ids.parse(organizationId).orElse(new UUID(0, 0)),
          organizationClientId,
          secret,
          limit(organizationUserLimit));
      notices.success("Saved the organization's Spotify app " + organizationClientId.strip() + ".");
      Pages.redirect("/spotify-apps.xhtml");
    } catch (InvalidSpotifyAppException | NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  public void test(UUID appId) {
    try {
      CredentialCheck check = apps.test(currentAdmin.require(), appId);
      if (check.ok()) {
        notices.success(check.message());
      } else {
        notices.problem(check.message());
      }
      Pages.redirect("/spotify-apps.xhtml");
    } catch (NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  private static char[] secretOf(String typed) {
    return typed == null ? new char[0] : typed.strip().toCharArray();
  }

  private static int limit(Integer typed) {
    return typed == null ? 0 : typed;
  }

  public String getRedirectUri() {
    return apps.redirectUri().toString();
  }

  public List<SpotifyAppView> getApps() {
    if (visibleApps == null) {
      visibleApps = apps.visibleTo(currentAdmin.require());
    }
    return visibleApps;
  }

  public List<Organization> getOrganizations() {
    return visibleOrganizations.list();
  }

  /** Organization names by id, for the table. */
  public Map<UUID, String> getOrganizationNames() {
    return visibleOrganizations.names();
  }

  public boolean isNetworkAdmin() {
    return currentAdmin.require().isNetworkAdmin();
  }

  public String getDefaultClientId() {
    return defaultClientId;
  }

  public void setDefaultClientId(String defaultClientId) {
    this.defaultClientId = defaultClientId;
  }

  public String getDefaultSecret() {
    return null;
  }

  public void setDefaultSecret(String defaultSecret) {
    this.defaultSecret = defaultSecret;
  }

  public Integer getDefaultUserLimit() {
    return defaultUserLimit;
  }

  public void setDefaultUserLimit(Integer defaultUserLimit) {
    this.defaultUserLimit = defaultUserLimit;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public void setOrganizationId(String organizationId) {
    this.organizationId = organizationId;
  }

  public String getOrganizationClientId() {
    return organizationClientId;
  }

  public void setOrganizationClientId(String organizationClientId) {
    this.organizationClientId = organizationClientId;
  }

  public String getOrganizationSecret() {
    return null;
  }

  public void setOrganizationSecret(String organizationSecret) {
    this.organizationSecret = organizationSecret;
  }

  public Integer getOrganizationUserLimit() {
    return organizationUserLimit;
  }

  public void setOrganizationUserLimit(Integer organizationUserLimit) {
    this.organizationUserLimit = organizationUserLimit;
  }
}
