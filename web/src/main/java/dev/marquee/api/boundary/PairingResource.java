package dev.marquee.api.boundary;

import dev.marquee.api.control.JsonRequestBody;
import dev.marquee.api.control.JsonRequestBody.RefusedBodyException;
import dev.marquee.api.control.QrSvg;
import dev.marquee.screen.boundary.PairingBusyException;
import dev.marquee.screen.boundary.PairingRefusedException;
import dev.marquee.screen.boundary.PairingStarted;
import dev.marquee.screen.boundary.Pairings;
import dev.marquee.screen.boundary.Pickup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Pairing for screens, over plain HTTP before they hold a token: ask for a code, then ask for the
 * device token until an admin has claimed the code. Answers are never cached (one holds a token).
 * Bodies are small JSON objects; anything else is refused with 400 and changes nothing.
 */
@Path("screens/pairing")
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {

  @Inject Pairings pairings;

  @Context HttpServletRequest request;

  @Context HttpHeaders headers;

  /**
   * {@code {"client": "marquee-player/0.1.0"}} (optional): a new code; 429 with {@code Retry-After}
   * (seconds) while the caller's address holds too many open codes.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response start(InputStream in) throws IOException {
    JsonObject json;
    try {
      String body = JsonRequestBody.read(in);
      json =
          body == null || body.isBlank()
              ? JsonValue.EMPTY_JSON_OBJECT
              : JsonRequestBody.object(headers.getMediaType(), body);
    } catch (RefusedBodyException e) {
      return refused(e);
    }
    String client = json.getString("client", null);
    if (client != null && client.length() > 100) {
      return error(400, "\"client\" is longer than 100 characters.");
    }
    try {
      PairingStarted started = pairings.start(request.getRemoteAddr(), client);
      return noStore(
          Response.status(201)
              .entity(
                  Json.createObjectBuilder()
                      .add("pairingId", started.pairingId().toString())
                      .add("code", started.code())
                      .add("secret", started.secret())
                      .add("claimUrl", started.claimUri().toString())
                      .add("expiresAt", started.expiresAt().toString())
                      .build()));
    } catch (PairingBusyException e) {
      // Whole seconds, rounded up: the screen never asks before a place can be free.
      long seconds = (e.retryAfter().toMillis() + 999) / 1000;
      return noStore(
          Response.status(429)
              .header("Retry-After", seconds)
              .type(MediaType.APPLICATION_JSON)
              .entity(Json.createObjectBuilder().add("error", e.getMessage()).build()));
    }
  }

  /**
   * The QR code a waiting screen shows beside its code: an SVG of the console's claim link for it.
   * Anything but a well-formed code is refused with 400.
   */
  @GET
  @Path("qr")
  @Produces("image/svg+xml")
  public Response qrCode(@QueryParam("code") String code) {
    try {
      return noStore(Response.ok(QrSvg.of(pairings.claimUri(code).toString())));
    } catch (PairingRefusedException e) {
      return error(400, e.getMessage());
    }
  }

  /** {@code {"secret": "..."}}: the device token once claimed (200), waiting (202), gone (410). */
  @POST
  @Path("{id}/pickup")
  @Consumes(MediaType.WILDCARD)
  public Response pickUp(@PathParam("id") String id, InputStream in) throws IOException {
    UUID pairingId;
    String secret;
    try {
      pairingId = UUID.fromString(id);
      secret =
          JsonRequestBody.object(headers.getMediaType(), JsonRequestBody.read(in))
              .getString("secret", null);
    } catch (IllegalArgumentException e) {
      return error(404, "No pairing request here.");
    } catch (RefusedBodyException e) {
      return refused(e);
    }
    Pickup pickup = pairings.pickUp(pairingId, secret);
    if (pickup instanceof Pickup.Paired paired) {
      return noStore(
          Response.ok(
              Json.createObjectBuilder()
                  .add("status", "paired")
                  .add("screenId", paired.screenId().toString())
                  .add("token", paired.deviceToken())
                  .build()));
    }
    if (pickup instanceof Pickup.Waiting) {
      return noStore(
          Response.status(202).entity(Json.createObjectBuilder().add("status", "waiting").build()));
    }
    return noStore(
        Response.status(410)
            .entity(
                Json.createObjectBuilder()
                    .add("status", "gone")
                    .add("error", "This pairing code is no longer valid; ask for a new one.")
                    .build()));
  }

  private static Response error(int status, String message) {
    return noStore(
        Response.status(status)
            .type(MediaType.APPLICATION_JSON)
            .entity(Json.createObjectBuilder().add("error", message).build()));
  }

  private static Response noStore(Response.ResponseBuilder response) {
    return response.header("Cache-Control", "no-store").build();
  }

  private static Response refused(RefusedBodyException e) {
    return error(e.status(), e.getMessage());
  }
}
