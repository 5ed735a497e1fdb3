package dev.marquee.console.frame;

import dev.marquee.platform.boundary.ServerInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the shared layout shows on every console page: product, version, demo banner. */
@Named
@RequestScoped
public class ConsoleFrame {

  @Inject ServerInfo serverInfo;

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
}
