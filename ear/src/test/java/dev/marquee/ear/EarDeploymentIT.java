package dev.marquee.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Deploys {@code marquee.ear} on Payara Server Full (from Maven Central, unpacked by the build into
 * {@code target/payara-it}) in a fresh domain on free high ports, with a fresh file-based H2
 * database under {@code target/payara-it/it-db}; checks the console, readiness and the screens API;
 * undeploys; and always stops the domain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarDeploymentIT {

  private static final String APPLICATION = "marquee";
  private static final String DOMAIN = "marquee-it";

  private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  private final Path payaraHome = Path.of(required("marquee.it.payara-home"));
  private final Path workDir = Path.of(required("marquee.it.work-dir"));
  private final Path ear = Path.of(required("marquee.it.ear"));
  private final String version = required("marquee.it.version");
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private PayaraDomain domain;
  private boolean deployed;

  @BeforeAll
  void startDomain() throws IOException {
    assertThat(payaraHome.resolve("glassfish/lib/client/appserver-cli.jar"))
        .as("Payara Server unpacked by the build (maven-dependency-plugin)")
        .isRegularFile();
    assertThat(ear).as("the EAR built by this module").isRegularFile();

    Path database = workDir.resolve("it-db");
    PayaraDomain.deleteRecursively(database);
    // The same key as MARQUEE_DB_URL for operators; the server inherits start-domain's environment.
    String databaseUrl =
        "jdbc:h2:file:"
            + database.resolve("marquee").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    domain = new PayaraDomain(payaraHome, workDir, DOMAIN, Map.of("MARQUEE_DB_URL", databaseUrl));

    long started = System.nanoTime();
    domain.create(CREATE_TIMEOUT);
    // The domain's own welcome page would otherwise answer at / once Marquee is undeployed.
    Files.deleteIfExists(domain.domainDir().resolve("docroot/index.html"));
    log(
        "created domain %s (HTTP port %d, admin port %d)",
        started, DOMAIN, domain.httpPort(), domain.adminPort());

    started = System.nanoTime();
    domain.start(START_TIMEOUT);
    log("started domain %s", started, DOMAIN);
  }

  @AfterAll
  void stopDomain() {
    if (domain == null) {
      return;
    }
    long started = System.nanoTime();
    try {
      domain.stop(COMMAND_TIMEOUT);
    } finally {
      log("stopped domain %s; server log: %s", started, DOMAIN, domain.serverLog());
      assertThat(domain.isRunning()).as("the domain's server process after stopping").isFalse();
    }
  }

  @Test
  @Order(1)
  void deploysTheEar() {
    long started = System.nanoTime();
    domain.remote(DEPLOY_TIMEOUT, "deploy", "--name", APPLICATION, ear.toString());
    deployed = true;
    log("deployed %s on Payara Server Full", started, ear.getFileName());

    assertThat(domain.remote(COMMAND_TIMEOUT, "list-applications")).contains(APPLICATION);
  }

  @Test
  @Order(3)
  void consoleSendsAFreshInstallationToSetupAndShowsProductAndVersion() throws Exception {
    assumeTrue(deployed, "the EAR is not deployed");
    HttpResponse<String> anonymous = get("/", "evil.example");
    assertThat(anonymous.statusCode()).as("GET / (the console) without signing in").isEqualTo(302);
    // Relative: never built from the Host header, which the client chose.
    assertThat(anonymous.headers().firstValue("Location")).hasValue("/setup.xhtml");

    HttpResponse<String> setup = get("/setup.xhtml");
    assertThat(setup.statusCode()).as("GET /setup.xhtml").isEqualTo(200);
    assertThat(setup.body())
        .contains("Marquee")
        .containsPattern(
            Pattern.compile("id=\"server-version\"[^>]*>\\s*" + Pattern.quote(version) + "\\s*<"));
  }

  @Test
  @Order(2)
  void isReadyWithTheDatabase() {
    assumeTrue(deployed, "the EAR is not deployed");
    HttpResponse<String> ready =
        await("/health/ready says UP")
            .atMost(READY_TIMEOUT)
            .pollInterval(Duration.ofSeconds(1))
            .ignoreExceptions()
            .until(() -> get("/health/ready"), response -> response.statusCode() == 200);
    System.out.println("[ear-it] /health/ready: " + ready.body());

    assertThat(ready.body())
        .contains("\"status\":\"UP\"")
        .contains("\"name\":\"database\"")
        .contains("\"kind\":\"H2\"");
  }

  @Test
  @Order(4)
  void screensApiAnswersItsVersion() throws Exception {
    assumeTrue(deployed, "the EAR is not deployed");
    HttpResponse<String> version = get("/screens/api/version");

    assertThat(version.statusCode()).as("GET /screens/api/version").isEqualTo(200);
    assertThat(version.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(version.body())
        .isEqualTo("{\"product\":\"Marquee\",\"version\":\"" + this.version + "\"}");
  }

  @Test
  @Order(5)
  void screensWarServesThePlayerWithItsSecurityHeaders() throws Exception {
    assumeTrue(deployed, "the EAR is not deployed");
    HttpResponse<String> player = get("/screens/player/");

    assertThat(player.statusCode()).as("GET /screens/player/").isEqualTo(200);
    assertThat(player.body()).contains("<script type=\"module\"");
    assertThat(player.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("script-src 'self'")
                    .contains("connect-src 'self'")
                    .contains("frame-ancestors 'self'")
                    .doesNotContain("unsafe-inline"));
    assertThat(player.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    assertThat(player.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(player.headers().firstValue("Cache-Control")).hasValue("no-store");

    HttpResponse<String> withoutSlash = get("/screens/player", "evil.example");
    assertThat(withoutSlash.headers().firstValue("Location")).hasValue("/screens/player/");
  }

  @Test
  @Order(6)
  void screensWarAnswersOnTheScreensSocket() throws Exception {
    assumeTrue(deployed, "the EAR is not deployed");
    CompletableFuture<String> firstMessage = new CompletableFuture<>();
    WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + domain.httpPort() + "/screens/ws/screen"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    firstMessage.complete(data.toString());
                    return null;
                  }
                })
            .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    try {
      socket.sendText("{\"type\":\"hello\",\"client\":\"ear-it/1\"}", true);
      String hello = firstMessage.get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(hello)
          .contains("\"type\":\"hello\"")
          .contains("\"server\":\"Marquee\"")
          .contains("\"version\":\"" + version + "\"");
    } finally {
      socket.abort();
    }
  }

  @Test
  @Order(7)
  void undeploysCleanly() throws Exception {
    assumeTrue(deployed, "the EAR is not deployed");
    long started = System.nanoTime();
    domain.remote(COMMAND_TIMEOUT, "undeploy", APPLICATION);
    deployed = false;
    log("undeployed %s", started, APPLICATION);

    assertThat(get("/").statusCode()).as("GET / after undeploy").isEqualTo(404);
    assertThat(get("/screens/api/version").statusCode())
        .as("GET /screens/api/version after undeploy")
        .isEqualTo(404);
    assertThat(domain.remote(COMMAND_TIMEOUT, "list-applications")).doesNotContain(APPLICATION);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + domain.httpPort() + path))
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A GET with a forged {@code Host} header (the build allows the JDK client to set it:
   * jdk.httpclient.allowRestrictedHeaders).
   */
  private HttpResponse<String> get(String path, String host)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + domain.httpPort() + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Host", host)
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void log(String format, long startedNanos, Object... args) {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    System.out.printf("[ear-it] " + format + " in %.1f s%n", append(args, seconds));
  }

  private static Object[] append(Object[] args, Object last) {
    Object[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + property + " is not set: run this test with Maven (failsafe)");
    }
    return value;
  }
}
