package dev.marquee.polling.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The part of Spotify's Web API the poller calls, as a MicroProfile REST Client. Answers come back
 * as raw {@link Response}s: every status is an answer to read ({@link CurrentlyPlayingReader}), not
 * an exception.
 *
 * <p>The path is on the method only: an interface with a type-level {@code @Path} in the WAR is a
 * root resource to Jersey's scan, which warns at every start that it "cannot be instantiated".
 */
public interface SpotifyPlayerApi {

  /**
   * Tracks and episodes alike; without {@code additional_types} an episode comes as a null item.
   */
  String ADDITIONAL_TYPES = "track,episode";

  @GET
  @Path("/me/player/currently-playing")
  @Produces(MediaType.APPLICATION_JSON)
  Response currentlyPlaying(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("additional_types") String additionalTypes);
}
