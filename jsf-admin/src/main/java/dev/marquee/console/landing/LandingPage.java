package dev.marquee.console.landing;

import dev.marquee.database.boundary.DatabaseState;
import dev.marquee.platform.boundary.ServerInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Backs the landing page: the server's version, database and Spotify connection at a glance. */
// Request-scoped: the page has no form, so nothing of it needs to outlive the request.
@Named
@RequestScoped
public class LandingPage {

  @Inject ServerInfo serverInfo;

  public String getVersion() {
    return serverInfo.version();
  }

  public String getDatabaseKind() {
    return serverInfo.database().kind();
  }

  public boolean isDatabaseReady() {
    return serverInfo.database().ready();
  }

  /** "Ready (PostgreSQL 15.19, schema 1)" or "Not ready: Connection refused". */
  public String getDatabaseStatus() {
    DatabaseState state = serverInfo.database();
    if (state.ready()) {
      return "Ready (" + state.product() + ", schema " + state.schemaVersion() + ")";
    }
    return "Not ready: " + state.reason();
  }

  public String getSpotifyDescription() {
    return serverInfo.demoMode()
        ? "Sandbox at " + serverInfo.spotifyAccountsUrl()
        : "Spotify (" + serverInfo.spotifyAccountsUrl() + ")";
  }
}
