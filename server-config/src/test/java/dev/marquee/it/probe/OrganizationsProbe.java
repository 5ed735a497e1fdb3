package dev.marquee.it.probe;

import dev.marquee.organization.boundary.OrganizationNameTakenException;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.InvalidOrganizationNameException;
import dev.marquee.organization.entity.Organization;
import jakarta.ejb.EJBException;
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
import java.util.UUID;

/**
 * Test-only window on the {@link Organizations} boundary, added to marquee.war by the integration
 * tests (never shipped): it lets a test write and read through the real boundary, transaction and
 * database from outside the server.
 */
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsProbe {

  @Inject Organizations organizations;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(JsonObject request) {
    try {
      Organization created = organizations.create(request.getString("name", null));
      return Response.status(Response.Status.CREATED).entity(json(created)).build();
    } catch (InvalidOrganizationNameException e) {
      return error(422, e.getMessage());
    } catch (OrganizationNameTakenException e) {
      return error(409, e.getMessage());
    } catch (EJBException e) {
      return error(500, e.getClass().getName());
    }
  }

  @GET
  @Path("{id}")
  public Response find(@PathParam("id") String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return error(404, "no such organization");
    }
    return organizations
        .find(uuid)
        .map(found -> Response.ok(json(found)).build())
        .orElseGet(() -> error(404, "no such organization"));
  }

  @GET
  public JsonObject all() {
    JsonArrayBuilder names = Json.createArrayBuilder();
    organizations.all().forEach(o -> names.add(o.name()));
    return Json.createObjectBuilder()
        .add("count", organizations.count())
        .add("names", names)
        .build();
  }

  private static JsonObject json(Organization organization) {
    return Json.createObjectBuilder()
        .add("id", organization.id().toString())
        .add("name", organization.name())
        .add("createdAt", organization.createdAt().toString())
        .build();
  }

  private static Response error(int status, String message) {
    return Response.status(status)
        .entity(Json.createObjectBuilder().add("error", message).build())
        .build();
  }
}
