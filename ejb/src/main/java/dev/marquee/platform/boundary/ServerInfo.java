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
   * True when Marquee talks to anything but Spotify's accounts service (the sandbox in a demo, or
   * another stand-in): the console says so and names the service ({@link #spotifyService()}), so
   * nobody mistakes its playback for real accounts.
   */
  public boolean demoMode() {
    return !SPOTIFY_ACCOUNTS_HOST.equalsIgnoreCase(spotifyAccountsUrl.getHost());
  }

  public URI spotifyAccountsUrl() {
    return spotifyAccountsUrl;
  }

  /**
   * The service Marquee talks to for Spotify's accounts, as the console names it: the origin of
   * {@code marquee.spotify.accounts-url} ({@code http://127.0.0.1:8099}, {@code
   * https://accounts.spotify.com}), without the path and never with user information a URL may
   * carry. Marquee cannot tell a stand-in's make (the sandbox or any other), so it names its
   * address.
   */
  public String spotifyService() {
    return origin(spotifyAccountsUrl);
  }

  static String origin(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme() + "://";
    String host = url.getHost() == null ? "" : url.getHost();
    return url.getPort() < 0 ? scheme + host : scheme + host + ":" + url.getPort();
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
