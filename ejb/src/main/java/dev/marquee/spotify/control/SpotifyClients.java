package dev.marquee.spotify.control;

import dev.marquee.spotify.entity.SpotifyApp;
import dev.marquee.vault.boundary.Vault;
import dev.marquee.vault.control.SecretUnreadableException;
import dev.marquee.vault.entity.SecretPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Spotify is ({@code marquee.spotify.accounts-url}, {@code marquee.spotify.api-url}) and how
 * long to wait for it, turned into clients: an accounts client per Spotify app (its credentials
 * opened from the vault right before use) and the Web API client.
 */
@ApplicationScoped
public class SpotifyClients {

  public static final String CONNECT_TIMEOUT_KEY = "marquee.spotify.connect-timeout";
  public static final String READ_TIMEOUT_KEY = "marquee.spotify.read-timeout";

  @Inject
  @ConfigProperty(name = "marquee.spotify.accounts-url")
  URI accountsUrl;

  @Inject
  @ConfigProperty(name = "marquee.spotify.api-url")
  URI apiUrl;

  @Inject
  @ConfigProperty(name = CONNECT_TIMEOUT_KEY, defaultValue = "PT5S")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = READ_TIMEOUT_KEY, defaultValue = "PT10S")
  Duration readTimeout;

  @Inject Vault vault;

  private volatile SpotifyWebApi webApi;

  /**
   * The accounts client acting as this app.
   *
   * @throws SecretUnreadableException when the app's stored secret does not open
   */
  public SpotifyAccounts accountsFor(SpotifyApp app) throws SecretUnreadableException {
    String secret =
        vault.open(app.clientSecret(), SecretPurpose.SPOTIFY_CLIENT_SECRET, app.id().toString());
    return new SpotifyAccounts(
        new SpotifyAccountsSettings(
            accountsUrl, app.clientId(), ClientSecret.of(secret), connectTimeout, readTimeout),
        Clock.systemUTC());
  }

  /** The Web API base without a trailing slash, e.g. {@code https://api.spotify.com/v1}. */
  public URI apiBase() {
    String text = apiUrl.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public SpotifyWebApi webApi() {
    SpotifyWebApi known = webApi;
    if (known == null) {
      known = new SpotifyWebApi(apiUrl, connectTimeout, readTimeout);
      webApi = known;
    }
    return known;
  }
}
