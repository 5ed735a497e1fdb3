package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.it.support.FreePort;
import dev.marquee.it.support.ListeningSockets;
import dev.marquee.it.support.MarqueeProcess;
import dev.marquee.it.support.TestDatabase;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Marquee as an anonymous outsider meets it: what listens where, what a malformed, forged or
 * misdirected request gets back, and what each one costs in log lines. The server runs as an
 * operator runs it behind a reverse proxy on the same host ({@code
 * MARQUEE_HTTP_ADDRESS=127.0.0.1}).
 */
class AnonymousAbuseIT {

  private static final String FORGED_HOST = "evil.example";

  private static TestDatabase database;
  private static MarqueeProcess server;

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  static void start() {
    database = TestDatabase.fresh("abuse");
    int port = FreePort.pick();
    server =
        MarqueeProcess.uberJar(
            "abuse",
            MarqueeProcess.environment(
                database,
                Map.of(
                    "MARQUEE_HTTP_ADDRESS",
                    "127.0.0.1",
                    "MARQUEE_PUBLIC_URL",
                    "http://127.0.0.1:" + port)),
            port);
    server.start().awaitReady();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void listensOnLoopbackOnlyWhenTheOperatorSaysSo() {
    assertThat(ListeningSockets.of(server.pid()))
        .isNotEmpty()
        .allSatisfy(
            listener -> {
              assertThat(listener.loopback()).as(listener.toString()).isTrue();
              assertThat(listener.port()).as(listener.toString()).isEqualTo(server.port());
            });
  }

  @Test
  void abusiveRequestsGetPlainAnswersAndCostAtMostALogLineEach() throws Exception {
    List<Abuse> abuses =
        List.of(
            // A REST client interface once served as a failing resource (500, 145 log lines).
            get("/api/me/player/currently-playing").expect(404),
            get("/api/application.wadl").expect(404),
            get("/api/nothing-here").expect(404),
            request("DELETE", "/api/version", null, null).expect(405),
            request("PUT", "/index.xhtml", null, null),
            get("/WEB-INF/web.xml"),
            get("/api/screens/pairing/qr?code=nope").expect(400),
            json("/api/screens/pairing", "{\"client\":\"a\"} xx").expect(400),
            json("/api/screens/pairing", "{\"client\":\"a\"}{\"client\":\"b\"}").expect(400),
            json("/api/screens/pairing", "[".repeat(500) + "]".repeat(500)).expect(400),
            json("/api/screens/pairing", "{\"client\":\"" + "x".repeat(5_000) + "\"}").expect(413),
            request("POST", "/api/screens/pairing", "text/plain", "{\"client\":\"a\"}").expect(400),
            json("/api/screens/pairing/not-a-uuid/pickup", "{\"secret\":\"x\"}").expect(404),
            // A forged or stale view state: back to the page, one line.
            form("/sign-in.xhtml", "jakarta.faces.ViewState=1:2&username=a&password=b")
                .expect(302));

    int before = logLines();
    List<String> problems = new ArrayList<>();
    for (Abuse abuse : abuses) {
      HttpResponse<String> response =
          HTTP.send(abuse.request(), HttpResponse.BodyHandlers.ofString());
      if (abuse.status() != 0 && response.statusCode() != abuse.status()) {
        problems.add(abuse + " answered " + response.statusCode());
      }
      if (response.statusCode() >= 400) {
        assertPlainMarqueeAnswer(abuse.toString(), response);
      }
    }
    // Request lines no URI class would build: written on a socket as a client could.
    List<String> malformed = List.of("/%", "/%zz/x", "/player/%E0%A4%A", "/api/%", "/a b");
    for (String path : malformed) {
      String answer = rawGet(path);
      assertThat(answer).as(path).doesNotContain("Payara").doesNotContain("\tat ");
    }
    // The stale form logs exactly one known line; once it is there, so is everything before it.
    HTTP.send(
        form("/invite.xhtml", "jakarta.faces.ViewState=9:9").request(),
        HttpResponse.BodyHandlers.discarding());
    await("the sentinel line in the log")
        .atMost(Duration.ofSeconds(10))
        .until(() -> server.log().contains("expired or unknown view state for /invite.xhtml"));

    List<String> added = server.log().lines().skip(before).toList();
    assertThat(problems).isEmpty();
    int requests = abuses.size() + malformed.size() + 1;
    assertThat(added)
        .as("log lines added by %d requests", requests)
        .hasSizeLessThanOrEqualTo(requests);
    assertThat(added).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
    System.out.printf(
        "%d abusive requests added %d log lines: %s%n", requests, added.size(), added);
  }

  @Test
  void aForgedHostNeverAppearsInARedirect() throws Exception {
    for (String path : List.of("/", "/player", "/claim?code=ABCD-EFGH", "/claim", "/audit.xhtml")) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(server.uri(path)).header("Host", FORGED_HOST).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.headers().firstValue("Location"))
          .as(path)
          .hasValueSatisfying(location -> assertThat(location).doesNotContain(FORGED_HOST));
      assertThat(response.body()).as(path).doesNotContain(FORGED_HOST);
    }
    HttpResponse<String> player =
        HTTP.send(
            HttpRequest.newBuilder(server.uri("/player")).header("Host", FORGED_HOST).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(player.headers().firstValue("Location")).hasValue("/player/");
  }

  @Test
  void aConsoleFormFromAnotherOriginIsRefusedAndChangesNothing() throws Exception {
    HttpResponse<String> setupPage = send(get("/setup.xhtml").request());
    assertThat(setupPage.statusCode()).isEqualTo(200);
    HttpResponse<String> refused =
        HTTP.send(
            HttpRequest.newBuilder(server.uri("/setup.xhtml"))
                .header("Origin", "http://" + FORGED_HOST)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("setup=setup&x=y"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body())
        .contains("Form refused")
        .contains(server.uri("").toString().replaceAll("/$", ""));
    assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
    // The console's own origin passes (this stale form then goes back to its page).
    HttpResponse<String> ownOrigin =
        HTTP.send(
            HttpRequest.newBuilder(server.uri("/setup.xhtml"))
                .header("Origin", server.uri("").toString().replaceAll("/$", ""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.ViewState=1:1"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ownOrigin.statusCode()).isEqualTo(302);
    assertThat(ownOrigin.headers().firstValue("Location")).hasValue("/setup.xhtml");
    // Still a fresh installation: the setup page is still the way in.
    assertThat(send(get("/sign-in.xhtml").request()).headers().firstValue("Location"))
        .hasValue("/setup.xhtml");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
    HttpResponse<String> page = send(get("/setup.xhtml").request());
    assertThat(page.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("JSESSIONID=")
                    .containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax")
                    // The public URL of this server is plain HTTP.
                    .doesNotContainIgnoringCase("Secure"));
  }

  private static void assertPlainMarqueeAnswer(String what, HttpResponse<String> response) {
    assertThat(response.body()).as(what).doesNotContain("Payara").doesNotContain("GlassFish");
    assertThat(response.body()).as(what).doesNotContain("\tat ");
    assertThat(response.headers().firstValue("X-Content-Type-Options"))
        .as(what)
        .hasValue("nosniff");
    assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).isPresent();
  }

  private static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The whole answer to a GET of a path sent as it is, not as a URI class would encode it. */
  private static String rawGet(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static int logLines() {
    return (int) server.log().lines().count();
  }

  private static Abuse get(String path) {
    return request("GET", path, null, null);
  }

  private static Abuse json(String path, String body) {
    return request("POST", path, "application/json", body);
  }

  private static Abuse form(String path, String body) {
    return request("POST", path, "application/x-www-form-urlencoded", body);
  }

  private static Abuse request(String method, String path, String type, String body) {
    return new Abuse(method, path, type, body, 0);
  }

  /** One request an outsider sends, and the status it must get (0: any). */
  private record Abuse(String method, String path, String type, String body, int status) {

    Abuse expect(int expected) {
      return new Abuse(method, path, type, body, expected);
    }

    HttpRequest request() {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(server.uri(path))
              .timeout(Duration.ofSeconds(10))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (type != null) {
        builder.header("Content-Type", type);
      }
      return builder.build();
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }
}
