package dev.marquee.console.dashboard;

import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.database.boundary.DatabaseState;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.Organization;
import dev.marquee.platform.boundary.ServerInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs the console's home page: the server at a glance and the admin's organizations. */
@Named
@RequestScoped
public class DashboardPage {

  @Inject ServerInfo serverInfo;

  @Inject CurrentAdmin currentAdmin;

  @Inject Organizations organizations;

  public String getVersion() {
    return serverInfo.version();
  }

  public String getDatabaseKind() {
    return serverInfo.database().kind();
  }

  public boolean isDatabaseReady() {
    return serverInfo.database().ready();
  }

  /** "Ready (PostgreSQL 15.19, schema 3)" or "Not ready: Connection refused". */
  public String getDatabaseStatus() {
    DatabaseState state = serverInfo.database();
    if (state.ready()) {
      return "Ready (" + state.product() + ", schema " + state.schemaVersion() + ")";
    }
    return "Not ready: " + state.reason();
  }

  public String getSpotifyDescription() {
    return serverInfo.demoMode()
        ? "Not Spotify: " + serverInfo.spotifyService()
        : "Spotify (" + serverInfo.spotifyService() + ")";
  }

  public List<Organization> getOrganizations() {
    return organizations.visibleTo(currentAdmin.require());
  }
}
