package dev.marquee.it.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits for an Arquillian-deployed server: deployment ends before the first database connection, so
 * {@code /health/ready} says when tests may start.
 */
public final class Readiness {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Readiness() {}

  public static void awaitReady(URL base) throws URISyntaxException {
    URI ready = base.toURI().resolve("/health/ready");
    await("the server to be ready")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                HTTP.send(
                            HttpRequest.newBuilder(ready).GET().build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
  }
}
