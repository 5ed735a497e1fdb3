package dev.marquee.api.boundary;

import dev.marquee.api.control.QrSvg;
import dev.marquee.screen.boundary.PairingRefusedException;
import dev.marquee.screen.boundary.PairingStarted;
import dev.marquee.screen.boundary.Pairings;
import dev.marquee.screen.boundary.Pickup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.UUID;

/**
 * Pairing for screens, over plain HTTP before they hold a token: ask for a code, then ask for the
 * device token until an admin has claimed the code. Answers are never cached (one holds a token).
 * Bodies are small JSON objects; anything else is refused with 400 and changes nothing.
 */
@Path("screens/pairing")
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {

  /** Longest request body accepted, in characters. */
  static final int MAX_BODY = 1024;

  @Inject Pairings pairings;

  @Context HttpServletRequest request;

  /** {@code {"client": "marquee-player/0.1.0"}} (optional): a new code. */
  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Response start(String body) {
    JsonObject json;
    try {
      json = body == null || body.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : object(body);
    } catch (BadBodyException e) {
      return e.response();
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
    } catch (PairingRefusedException e) {
      return error(429, e.getMessage());
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
  @Consumes(MediaType.APPLICATION_JSON)
  public Response pickUp(@PathParam("id") String id, String body) {
    UUID pairingId;
    String secret;
    try {
      pairingId = UUID.fromString(id);
      secret = object(body).getString("secret", null);
    } catch (IllegalArgumentException e) {
      return error(404, "No pairing request here.");
    } catch (BadBodyException e) {
      return e.response();
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

  private static JsonObject object(String body) throws BadBodyException {
    if (body == null || body.length() > MAX_BODY) {
      throw new BadBodyException(
          body == null ? 400 : 413,
          "The body must be a JSON object of at most " + MAX_BODY + " characters.");
    }
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new BadBodyException(400, "The body must be a JSON object.");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new BadBodyException(400, "The body is not valid JSON.");
    }
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

  /** A request body this resource refuses, with the answer to give. */
  private static final class BadBodyException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int status;

    BadBodyException(int status, String message) {
      super(message);
      this.status = status;
    }

    Response response() {
      return error(status, getMessage());
    }
  }
}
