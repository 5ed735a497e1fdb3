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
 */
@Path("/me/player")
public interface SpotifyPlayerApi {

  /**
   * Tracks and episodes alike; without {@code additional_types} an episode comes as a null item.
   */
  String ADDITIONAL_TYPES = "track,episode";

  @GET
  @Path("/currently-playing")
  @Produces(MediaType.APPLICATION_JSON)
  Response currentlyPlaying(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("additional_types") String additionalTypes);
}
