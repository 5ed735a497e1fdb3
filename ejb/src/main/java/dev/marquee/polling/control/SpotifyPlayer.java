package dev.marquee.polling.control;

import dev.marquee.spotify.control.SpotifyClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Asks Spotify what an account plays, through {@link SpotifyPlayerApi} with the base URL and
 * timeouts {@link SpotifyClients} has from configuration. Never throws for what Spotify or the
 * network does: timeouts and refused connections are {@link PlayerAnswer.Failed} answers. The
 * access token goes into the header and nowhere else.
 */
@ApplicationScoped
public class SpotifyPlayer {

  private static final Logger LOG = Logger.getLogger(SpotifyPlayer.class.getName());

  @Inject SpotifyClients clients;

  private volatile SpotifyPlayerApi api;

  Clock clock = Clock.systemUTC();

  /** What the token's owner plays now, as Spotify answers. */
  public PlayerAnswer currentlyPlaying(String accessToken) {
    try (Response response =
        api().currentlyPlaying("Bearer " + accessToken, SpotifyPlayerApi.ADDITIONAL_TYPES)) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      return CurrentlyPlayingReader.read(
          response.getStatus(), body, response.getHeaderString("Retry-After"), clock.instant());
    } catch (ProcessingException e) {
      // Timeouts, refused connections, resets: the message names no token.
      return new PlayerAnswer.Failed("Spotify did not answer (" + causeName(e) + ")");
    }
  }

  private SpotifyPlayerApi api() {
    SpotifyPlayerApi known = api;
    if (known == null) {
      synchronized (this) {
        if (api == null) {
          api =
              RestClientBuilder.newBuilder()
                  .baseUri(clients.apiBase())
                  .connectTimeout(clients.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                  .readTimeout(clients.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                  .followRedirects(false)
                  // Every status is an answer to read, not an exception.
                  .property("microprofile.rest.client.disable.default.mapper", true)
                  .build(SpotifyPlayerApi.class);
        }
        known = api;
      }
    }
    return known;
  }

  private static String causeName(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }

  @PreDestroy
  void close() {
    if (api instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "Closing the Spotify player client failed", e);
      }
    }
  }
}
