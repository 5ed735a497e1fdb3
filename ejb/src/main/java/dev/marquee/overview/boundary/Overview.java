package dev.marquee.overview.boundary;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.Organization;
import dev.marquee.screen.boundary.ScreenView;
import dev.marquee.screen.boundary.Screens;
import dev.marquee.spotify.boundary.SpotifyAccountView;
import dev.marquee.spotify.boundary.SpotifyApps;
import dev.marquee.spotify.boundary.SpotifyConnections;
import dev.marquee.spotify.entity.AccountStatus;
import dev.marquee.widget.boundary.WidgetConfigurations;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * What the console's Overview tells an admin: how far the organizations they manage are on the way
 * to a screen showing Spotify (app, account, widget configuration, paired screen), and what needs
 * them now (accounts to reconnect, screens offline). An organization admin sees their own
 * organization; a network admin every organization.
 */
@Stateless
public class Overview {

  @Inject Organizations organizations;

  @Inject SpotifyApps apps;

  @Inject SpotifyConnections connections;

  @Inject WidgetConfigurations configurations;

  @Inject Screens screens;

  public OverviewState of(AdminView admin) {
    List<Organization> visible = organizations.visibleTo(admin);
    boolean everyOrganizationHasAnApp = !visible.isEmpty();
    boolean accountConnected = false;
    boolean widgetConfigured = false;
    boolean screenPaired = false;
    List<OverviewState.AccountAlert> accounts = new ArrayList<>();
    List<OverviewState.ScreenAlert> offline = new ArrayList<>();
    for (Organization organization : visible) {
      everyOrganizationHasAnApp &= apps.appFor(admin, organization.id()).isPresent();
      for (SpotifyAccountView account : connections.accounts(admin, organization.id())) {
        accountConnected |= account.status() == AccountStatus.CONNECTED;
        if (needsAttention(account)) {
          accounts.add(new OverviewState.AccountAlert(account, organization.name()));
        }
      }
      widgetConfigured |= !configurations.of(admin, organization.id()).isEmpty();
      for (ScreenView screen : screens.of(admin, organization.id())) {
        if (!screen.revoked()) {
          screenPaired = true;
          if (!screen.online()) {
            offline.add(new OverviewState.ScreenAlert(screen, organization.name()));
          }
        }
      }
    }
    return new OverviewState(
        new OverviewState.Progress(
            everyOrganizationHasAnApp, accountConnected, widgetConfigured, screenPaired),
        List.copyOf(accounts),
        List.copyOf(offline),
        visible.size() > 1);
  }

  /** Spotify refused its refresh token, or will soon (six months after the authorization). */
  private static boolean needsAttention(SpotifyAccountView account) {
    return account.status() == AccountStatus.NEEDS_RECONNECT
        || (account.status() == AccountStatus.CONNECTED && account.reconnectWarning());
  }
}
