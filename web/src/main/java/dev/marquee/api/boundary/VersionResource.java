package dev.marquee.api.boundary;

import dev.marquee.platform.boundary.ServerInfo;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Which Marquee this is, for monitoring and for clients that check compatibility. */
@Path("version")
public class VersionResource {

  @Inject ServerInfo serverInfo;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject version() {
    return Json.createObjectBuilder()
        .add("product", serverInfo.product())
        .add("version", serverInfo.version())
        .build();
  }
}
