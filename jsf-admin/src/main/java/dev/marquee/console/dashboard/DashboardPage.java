package dev.marquee.console.dashboard;

import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.database.boundary.DatabaseState;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.Organization;
import dev.marquee.overview.boundary.Overview;
import dev.marquee.overview.boundary.OverviewState;
import dev.marquee.platform.boundary.ServerInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs the console's home page: what to do next (a checklist from a fresh installation to a screen
 * showing Spotify), what needs the admin now (accounts to reconnect, screens offline; a quota pause
 * is the layout's alert on every page), the server at a glance and the admin's organizations.
 */
@Named
@RequestScoped
public class DashboardPage {

  @Inject ServerInfo serverInfo;

  @Inject CurrentAdmin currentAdmin;

  @Inject Organizations organizations;

  @Inject Overview overview;

  /** One step of the checklist, with the page that does it. */
  public record Step(String id, String text, String page, String linkText, boolean done) {}

  private OverviewState state;

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

  /** How the admin's organizations stand; read once per request. */
  public OverviewState getState() {
    if (state == null) {
      state = overview.of(currentAdmin.require());
    }
    return state;
  }

  /** The steps in order, each with its link; done ones marked. */
  public List<Step> getSteps() {
    OverviewState.Progress progress = getState().progress();
    return List.of(
        new Step(
            "step-app",
            "Enter a Spotify app's client id and secret",
            "/spotify-apps.xhtml",
            "Spotify apps",
            progress.spotifyApp()),
        new Step(
            "step-account",
            "Connect a Spotify account",
            "/accounts.xhtml",
            "Spotify accounts",
            progress.accountConnected()),
        new Step(
            "step-widget",
            "Create a widget configuration: what screens show",
            "/widgets.xhtml",
            "Widgets",
            progress.widgetConfiguration()),
        new Step(
            "step-screen",
            "Pair a screen: open /player/ on the TV and enter its code",
            "/pair.xhtml",
            "Pair a screen",
            progress.screenPaired()));
  }

  public boolean isAlerting() {
    return !getState().accountsToReconnect().isEmpty() || !getState().offlineScreens().isEmpty();
  }
}
