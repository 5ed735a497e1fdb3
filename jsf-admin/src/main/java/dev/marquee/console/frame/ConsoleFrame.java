package dev.marquee.console.frame;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.platform.boundary.ServerInfo;
import dev.marquee.polling.boundary.PollingStatus;
import dev.marquee.polling.boundary.QuotaPause;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the shared layout shows on every console page: product, version, demo banner, who is signed
 * in, navigation, the notices left by the previous action, and alerts that concern the admin
 * wherever they are (a Spotify app out of quota).
 */
@Named
@RequestScoped
public class ConsoleFrame {

  @Inject ServerInfo serverInfo;

  @Inject CurrentAdmin currentAdmin;

  @Inject Notices notices;

  @Inject PollingStatus polling;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private List<Notices.Notice> shown;
  private List<QuotaPause> quotaPauses;

  public String getProduct() {
    return serverInfo.product();
  }

  public String getVersion() {
    return serverInfo.version();
  }

  public boolean isDemoMode() {
    return serverInfo.demoMode();
  }

  /** The service Marquee talks to in place of Spotify, by its address: what the banner names. */
  public String getSpotifyService() {
    return serverInfo.spotifyService();
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

  /** Spotify apps paused for quota that concern the signed-in admin; read once per request. */
  public List<QuotaPause> getQuotaPauses() {
    if (quotaPauses == null) {
      quotaPauses = isSignedIn() ? polling.quotaPausesFor(currentAdmin.require()) : List.of();
    }
    return quotaPauses;
  }

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }
}
