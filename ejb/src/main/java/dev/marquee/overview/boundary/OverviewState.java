package dev.marquee.overview.boundary;

import dev.marquee.screen.boundary.ScreenView;
import dev.marquee.spotify.boundary.SpotifyAccountView;
import java.util.List;

/**
 * The Overview of the organizations one admin manages.
 *
 * @param accountsToReconnect accounts Spotify cut off, or will soon
 * @param offlineScreens paired screens without their live connection now
 * @param severalOrganizations whether alerts should name their organization
 */
public record OverviewState(
    Progress progress,
    List<AccountAlert> accountsToReconnect,
    List<ScreenAlert> offlineScreens,
    boolean severalOrganizations) {

  /**
   * The steps from a fresh installation to a screen showing Spotify, in order.
   *
   * @param spotifyApp every organization has a Spotify app to connect through (its own or the
   *     default)
   * @param accountConnected at least one Spotify account is connected
   * @param widgetConfiguration at least one widget configuration exists
   * @param screenPaired at least one screen is paired (and not revoked)
   */
  public record Progress(
      boolean spotifyApp,
      boolean accountConnected,
      boolean widgetConfiguration,
      boolean screenPaired) {

    public boolean complete() {
      return spotifyApp && accountConnected && widgetConfiguration && screenPaired;
    }
  }

  public record AccountAlert(SpotifyAccountView account, String organization) {}

  public record ScreenAlert(ScreenView screen, String organization) {}
}
