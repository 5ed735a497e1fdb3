package dev.marquee.console.frame;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.platform.boundary.ServerInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * What the shared layout shows on every console page: product, version, demo banner, who is signed
 * in, navigation, and the notices left by the previous action.
 */
@Named
@RequestScoped
public class ConsoleFrame {

  @Inject ServerInfo serverInfo;

  @Inject CurrentAdmin currentAdmin;

  @Inject Notices notices;

  private List<Notices.Notice> shown;

  public String getProduct() {
    return serverInfo.product();
  }

  public String getVersion() {
    return serverInfo.version();
  }

  public boolean isDemoMode() {
    return serverInfo.demoMode();
  }

  public String getSpotifyAccountsUrl() {
    return serverInfo.spotifyAccountsUrl().toString();
  }

  /** Whether the database answers; public pages explain when it does not. */
  public boolean isDatabaseReady() {
    return serverInfo.database().ready();
  }

  /** "Not ready: Connection refused", for operators looking at a server that cannot start. */
  public String getDatabaseProblem() {
    return "Not ready: " + serverInfo.database().reason();
  }

  public boolean isSignedIn() {
    if (!isDatabaseReady()) {
      return false;
    }
    return currentAdmin.find().isPresent();
  }

  public String getUsername() {
    return currentAdmin.find().map(AdminView::username).orElse("");
  }

  public boolean isNetworkAdmin() {
    return currentAdmin.find().map(AdminView::isNetworkAdmin).orElse(false);
  }

  public String getRoleName() {
    return isNetworkAdmin() ? "Network admin" : "Organization admin";
  }

  /** The notices to show on this page; read once per request. */
  public List<Notices.Notice> getNotices() {
    if (shown == null) {
      shown = notices.drain();
    }
    return shown;
  }
}
