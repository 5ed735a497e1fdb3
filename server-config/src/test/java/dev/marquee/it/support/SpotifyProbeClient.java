package dev.marquee.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.sandbox.SpotifySandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The test-only {@code SpotifyProbe} of a server, over HTTP: organizations with their own Spotify
 * app, and connecting sandbox users through the sandbox's consent page, as the console does.
 */
public final class SpotifyProbeClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An organization, its admin, and the browser session the admin connects from. */
  public record Org(String organizationId, String adminId, String username, String session) {

    /** The admin as the probe's requests name it. */
    public ObjectNode json() {
      return JSON.createObjectNode()
          .put("organizationId", organizationId)
          .put("adminId", adminId)
          .put("username", username);
    }
  }

  /** The password of every admin the probe makes (the probe's own constant). */
  public static final String ADMIN_PASSWORD = dev.marquee.it.probe.SpotifyStoreProbe.ADMIN_PASSWORD;

  private final URI base;

  /**
   * @param base the server's root, e.g. {@code http://127.0.0.1:8080/}
   */
  public SpotifyProbeClient(URI base) {
    this.base = base;
  }

  /** A new organization with its admin and its own Spotify app with these credentials. */
  public Org organization(String clientId, String clientSecret) {
    HttpResponse<String> created =
        post(
            "it/spotify/organizations",
            JSON.createObjectNode().put("clientId", clientId).put("clientSecret", clientSecret));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode json = JsonBodies.parse(created.body());
    return new Org(
        json.path("organizationId").asText(),
        json.path("adminId").asText(),
        json.path("username").asText(),
        "session-" + UUID.randomUUID());
  }

  /** Presses Connect: Spotify's (the sandbox's) authorize URL. */
  public URI startConnect(Org org) {
    HttpResponse<String> started =
        post("it/spotify/connect/start", org.json().put("session", org.session()));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return URI.create(JsonBodies.parse(started.body()).path("authorizeUri").asText());
  }

  /** The callback, as the browser of {@code session} would bring it; any part may be null. */
  public JsonNode complete(Org org, String session, String state, String code, String error) {
    ObjectNode request = org.json().put("session", session);
    if (state != null) {
      request.put("state", state);
    }
    if (code != null) {
      request.put("code", code);
    }
    if (error != null) {
      request.put("error", error);
    }
    HttpResponse<String> response = post("it/spotify/connect/complete", request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonBodies.parse(response.body());
  }

  /** Connects the sandbox user to the organization; the outcome names the account. */
  public JsonNode connect(Org org, SpotifySandbox sandbox, String user) {
    Map<String, String> redirect = query(sandbox.approve(startConnect(org), user));
    JsonNode outcome =
        complete(org, org.session(), redirect.get("state"), redirect.get("code"), null);
    assertThat(outcome.path("succeeded").asBoolean()).as(outcome.toString()).isTrue();
    return outcome;
  }

  public HttpResponse<String> post(String path, Object json) {
    try {
      return send(
          HttpRequest.newBuilder(base.resolve("api/" + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve("api/" + path)).GET());
  }

  /** The query parameters of a redirect, decoded. */
  public static Map<String, String> query(URI redirect) {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : redirect.getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      parameters.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
