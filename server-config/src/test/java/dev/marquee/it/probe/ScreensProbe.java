package dev.marquee.it.probe;

import dev.marquee.polling.boundary.PlaybackChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only window on screens for the fan-out benchmark: many paired screens at once, and when the
 * engine fired each change (the moment a change event leaves the engine, before any push).
 */
@Path("screens")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ScreensProbe {

  @Inject ScreensStoreProbe store;

  /** Title of each change → when its event was fired, in microseconds since the epoch. */
  private final Map<String, Long> firedAt = new ConcurrentHashMap<>();

  public void changed(@Observes PlaybackChanged changed) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    String title = changed.playback().title();
    if (title != null) {
      firedAt.putIfAbsent(changed.accountId() + "/" + title, micros);
    }
  }

  /** {@code {"organizationId", "accountId"}}: a configuration showing the account. */
  @POST
  @Path("configurations")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject configuration(JsonObject request) {
    UUID id =
        store.configuration(
            UUID.fromString(request.getString("organizationId")),
            UUID.fromString(request.getString("accountId")));
    return Json.createObjectBuilder().add("configurationId", id.toString()).build();
  }

  /** {@code {"organizationId", "configurationId", "count"}}: screens and their tokens. */
  @POST
  @Path("fleet")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject fleet(JsonObject request) {
    JsonArrayBuilder tokens = Json.createArrayBuilder();
    store
        .screens(
            UUID.fromString(request.getString("organizationId")),
            UUID.fromString(request.getString("configurationId")),
            request.getInt("count"))
        .forEach(tokens::add);
    return Json.createObjectBuilder().add("tokens", tokens).build();
  }

  @GET
  @Path("changes/{account}/{title}")
  public Response firedAt(@PathParam("account") String account, @PathParam("title") String title) {
    Long micros = firedAt.get(account + "/" + title);
    return micros == null
        ? Response.status(404).build()
        : Response.ok(Json.createObjectBuilder().add("firedAtMicros", micros).build()).build();
  }
}
