package dev.marquee.it.probe;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.entity.Role;
import dev.marquee.spotify.boundary.ConnectOutcome;
import dev.marquee.spotify.boundary.SpotifyAccessTokens;
import dev.marquee.spotify.boundary.SpotifyAppView;
import dev.marquee.spotify.boundary.SpotifyApps;
import dev.marquee.spotify.boundary.SpotifyConnections;
import dev.marquee.spotify.boundary.SpotifyTokenException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Test-only window on the Spotify boundaries ({@link SpotifyApps}, {@link SpotifyConnections},
 * {@link SpotifyAccessTokens}), added to marquee.war by the integration tests (never shipped). The
 * boundaries are called as the console and the poller call them, each in its own transaction; the
 * caller names the admin by id, which only a test may do.
 */
@Path("spotify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SpotifyProbe {

  @Inject SpotifyStoreProbe store;

  @Inject SpotifyApps apps;

  @Inject SpotifyConnections connections;

  @Inject SpotifyAccessTokens tokens;

  /** A new organization, its admin and its own Spotify app with the given credentials. */
  @POST
  @Path("organizations")
  public JsonObject organization(JsonObject request) {
    JsonObject created = store.organizationWithAdmin();
    AdminView admin = admin(created);
    SpotifyAppView app =
        apps.saveForOrganization(
            admin,
            admin.organizationId(),
            request.getString("clientId"),
            request.getString("clientSecret").toCharArray(),
            5);
    return Json.createObjectBuilder(created).add("appId", app.id().toString()).build();
  }

  @GET
  @Path("organizations/{organization}")
  public JsonObject state(@PathParam("organization") UUID organization) {
    return store.state(organization);
  }

  @POST
  @Path("connect/start")
  public JsonObject start(JsonObject request) {
    AdminView admin = admin(request);
    return Json.createObjectBuilder()
        .add(
            "authorizeUri",
            connections
                .start(admin, admin.organizationId(), request.getString("session"))
                .toString())
        .build();
  }

  @POST
  @Path("connect/complete")
  public JsonObject complete(JsonObject request) {
    ConnectOutcome outcome =
        connections.complete(
            admin(request),
            request.getString("session"),
            request.getString("state", null),
            request.getString("code", null),
            request.getString("error", null));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("succeeded", outcome.succeeded())
            .add("reason", outcome.reason().name())
            .add("message", outcome.message());
    if (outcome.succeeded()) {
      json.add("accountId", outcome.accountId().toString())
          .add("displayName", outcome.displayName());
    }
    return json.build();
  }

  @POST
  @Path("connect/age")
  public Response age(JsonObject request) {
    store.ageAttempt(request.getString("state"));
    return Response.noContent().build();
  }

  @POST
  @Path("accounts/{account}/expires-in")
  public Response expiresIn(
      @PathParam("account") UUID account, @QueryParam("seconds") long seconds) {
    store.expireAccessTokenIn(account, seconds);
    return Response.noContent().build();
  }

  /** What the poller would get: the token, or the exception's kind and message. */
  @POST
  @Path("accounts/{account}/token")
  public Response token(@PathParam("account") UUID account) {
    try {
      return Response.ok(
              Json.createObjectBuilder().add("accessToken", tokens.accessToken(account)).build())
          .build();
    } catch (SpotifyTokenException e) {
      return Response.status(409)
          .entity(
              Json.createObjectBuilder()
                  .add("error", e.getClass().getSimpleName())
                  .add("message", e.getMessage())
                  .add("retryable", e.isRetryable())
                  .build())
          .build();
    }
  }

  @POST
  @Path("accounts/{account}/disconnect")
  public Response disconnect(@PathParam("account") UUID account, JsonObject request) {
    connections.disconnect(admin(request), account);
    return Response.noContent().build();
  }

  @GET
  @Path("accounts/{account}")
  public JsonObject account(
      @PathParam("account") UUID account,
      @QueryParam("adminId") String adminId,
      @QueryParam("username") String username,
      @QueryParam("organizationId") String organizationId) {
    var view =
        connections.account(
            new AdminView(
                UUID.fromString(adminId),
                username,
                Role.ORGANIZATION_ADMIN,
                UUID.fromString(organizationId)),
            account);
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("status", view.status().name())
            .add("displayName", view.displayName())
            .add("reconnectWarning", view.reconnectWarning())
            .add("lastError", view.lastError() == null ? "" : view.lastError());
    if (view.reconnectBefore() != null) {
      json.add("reconnectBefore", view.reconnectBefore().toString());
    }
    return json.build();
  }

  private static AdminView admin(JsonObject json) {
    return new AdminView(
        UUID.fromString(json.getString("adminId")),
        json.getString("username"),
        Role.ORGANIZATION_ADMIN,
        UUID.fromString(json.getString("organizationId")));
  }
}
