package dev.marquee.console.frame;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.platform.boundary.ServerInfo;
import dev.marquee.polling.boundary.PollingStatus;
import dev.marquee.polling.boundary.QuotaPause;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the shared layout shows on every console page: product, version, demo banner, who is signed
 * in, navigation, the notices left by the previous action, and alerts that concern the admin
 * wherever they are (a Spotify app out of quota; {@link ConsoleAddress} for a console opened at
 * another address).
 */
@Named
@RequestScoped
public class ConsoleFrame {

  @Inject ServerInfo serverInfo;

  @Inject CurrentAdmin currentAdmin;

  @Inject Notices notices;

  @Inject PollingStatus polling;

  @Inject When when;

  /** The menu entry each page belongs to (an account's page is under the accounts). */
  private static final Map<String, String> SECTIONS =
      Map.of(
          "/index.xhtml", "overview",
          "/accounts.xhtml", "accounts",
          "/account.xhtml", "accounts",
          "/spotify-apps.xhtml", "apps",
          "/widgets.xhtml", "widgets",
          "/screens.xhtml", "screens",
          "/pair.xhtml", "pair",
          "/organizations.xhtml", "organizations",
          "/audit.xhtml", "audit");

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

  /** A moment in the console's one format (pages use {@code <m:time>}, which also localizes). */
  public String time(Instant instant) {
    return when.text(instant);
  }

  /** {@code "page"} for the menu entry of the page shown, else nothing (no attribute). */
  public String current(String section) {
    UIViewRoot view = FacesContext.getCurrentInstance().getViewRoot();
    return view != null && section.equals(SECTIONS.get(view.getViewId())) ? "page" : null;
  }
}
