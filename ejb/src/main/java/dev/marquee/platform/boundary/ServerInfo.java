package dev.marquee.platform.boundary;

import dev.marquee.database.boundary.Database;
import dev.marquee.database.boundary.DatabaseState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What this Marquee server is: its version, whether it runs against the sandbox, its database. */
@ApplicationScoped
public class ServerInfo {

  public static final String PRODUCT = "Marquee";

  private static final String SPOTIFY_ACCOUNTS_HOST = "accounts.spotify.com";

  private final String version = readBuildVersion();

  @Inject
  @ConfigProperty(name = "marquee.spotify.accounts-url")
  URI spotifyAccountsUrl;

  @Inject Database database;

  public String product() {
    return PRODUCT;
  }

  public String version() {
    return version;
  }

  /**
   * True when Marquee talks to a stand-in for Spotify (the sandbox) rather than Spotify itself: the
   * console says so, so nobody mistakes demo playback for real accounts.
   */
  public boolean demoMode() {
    return !SPOTIFY_ACCOUNTS_HOST.equalsIgnoreCase(spotifyAccountsUrl.getHost());
  }

  public URI spotifyAccountsUrl() {
    return spotifyAccountsUrl;
  }

  public DatabaseState database() {
    return database.state();
  }

  private static String readBuildVersion() {
    Properties build = new Properties();
    try (InputStream in = ServerInfo.class.getResourceAsStream("marquee-build.properties")) {
      if (in == null) {
        throw new IllegalStateException("marquee-build.properties is missing from the build");
      }
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build.getProperty("version");
  }
}
