package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.it.support.JsonBodies;
import dev.marquee.it.support.ProbeWar;
import dev.marquee.it.support.Readiness;
import dev.marquee.it.support.TestDatabase;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The path from a boundary through JPA and the migrated schema to the database, on Payara Micro
 * managed by Arquillian: organizations are created, found, and refused with a clear error that
 * changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrganizationsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    // The Arquillian container is configured (arquillian.xml) for this database.
    TestDatabase.fresh("arquillian");
    return ProbeWar.archive();
  }

  @BeforeEach
  void awaitReady() throws Exception {
    Readiness.awaitReady(base);
  }

  @Test
  void createsAndFindsAnOrganization() throws Exception {
    String name = "Corner Shop " + UUID.randomUUID();
    HttpResponse<String> created = create(JsonBodies.object("name", "  " + name + "  "));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode organization = JsonBodies.parse(created.body());
    assertThat(organization.path("name").asText()).isEqualTo(name);

    JsonNode found = JsonBodies.parse(get("it/organizations/" + organization.path("id").asText()));
    assertThat(found.path("name").asText()).isEqualTo(name);
  }

  @Test
  void refusesADuplicateNameAndChangesNothing() throws Exception {
    String name = "Gym " + UUID.randomUUID();
    assertThat(create(JsonBodies.object("name", name)).statusCode()).isEqualTo(201);
    long before = count();

    HttpResponse<String> duplicate = create(JsonBodies.object("name", name));

    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(JsonBodies.parse(duplicate.body()).path("error").asText()).contains("exists");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void refusesANameDifferingOnlyInCaseAndSurroundingSpaceAsTaken() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String name = "Org A " + suffix;
    assertThat(create(JsonBodies.object("name", name)).statusCode()).isEqualTo(201);
    long before = count();

    HttpResponse<String> variant = create(JsonBodies.object("name", " org a " + suffix + " "));

    assertThat(variant.statusCode()).isEqualTo(409);
    assertThat(JsonBodies.parse(variant.body()).path("error").asText())
        .isEqualTo(
            "The name \"org a "
                + suffix
                + "\" is taken: an organization named \""
                + name
                + "\" exists already, and names differing only in case are the same name.");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void twoCaseVariantsCreatedAtOnceGetOneOrganization() throws Exception {
    // Both pass the look-up before either commits: only the database's unique key can refuse one.
    for (int round = 0; round < 5; round++) {
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      long before = count();
      var first = createAsync(JsonBodies.object("name", "Race " + suffix));
      var second = createAsync(JsonBodies.object("name", "RACE " + suffix.toUpperCase()));
      List<Integer> statuses =
          Stream.of(first.join(), second.join()).map(HttpResponse::statusCode).sorted().toList();
      assertThat(statuses).containsExactly(201, 409);
      assertThat(count()).isEqualTo(before + 1);
    }
  }

  @Test
  void refusesInvalidNamesWithTheReasonAndChangesNothing() throws Exception {
    long before = count();
    HttpResponse<String> blank = create(JsonBodies.object("name", "   "));
    HttpResponse<String> tooLong = create(JsonBodies.object("name", "x".repeat(101)));

    assertThat(blank.statusCode()).isEqualTo(422);
    assertThat(JsonBodies.parse(blank.body()).path("error").asText())
        .isEqualTo("An organization needs a name.");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void countsANamesCharactersTheSameOnEveryDatabase() throws Exception {
    String hundred = "🎵".repeat(99) + UUID.randomUUID().toString().substring(0, 1);
    assertThat(create(JsonBodies.object("name", hundred)).statusCode()).isEqualTo(201);
    long before = count();
    assertThat(create(JsonBodies.object("name", "🎵".repeat(101))).statusCode()).isEqualTo(422);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void twoAdminsCreatingTheSameNameAtOnceGetOneOrganizationAndOneClearRefusal() throws Exception {
    for (int round = 0; round < 5; round++) {
      String name = "Race " + UUID.randomUUID();
      long before = count();
      var first = createAsync(JsonBodies.object("name", name));
      var second = createAsync(JsonBodies.object("name", name));
      List<Integer> statuses =
          Stream.of(first.join(), second.join()).map(HttpResponse::statusCode).sorted().toList();
      assertThat(statuses).containsExactly(201, 409);
      assertThat(count()).isEqualTo(before + 1);
    }
  }

  @Test
  void unknownIdsAreNotFound() throws Exception {
    assertThat(status("it/organizations/" + UUID.randomUUID())).isEqualTo(404);
  }

  private HttpResponse<String> create(String json) throws Exception {
    return HTTP.send(createRequest(json), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> createAsync(String json) throws Exception {
    return HTTP.sendAsync(createRequest(json), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest createRequest(String json) throws Exception {
    return HttpRequest.newBuilder(api("it/organizations"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private long count() throws Exception {
    return JsonBodies.parse(get("it/organizations")).path("count").asLong();
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = send(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private int status(String path) throws Exception {
    return send(path).statusCode();
  }

  private HttpResponse<String> send(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI api(String path) throws Exception {
    return base.toURI().resolve("api/" + path);
  }
}
