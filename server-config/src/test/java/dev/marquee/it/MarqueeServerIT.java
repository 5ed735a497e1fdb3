package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.it.support.Browser;
import dev.marquee.it.support.FreePort;
import dev.marquee.it.support.JsonBodies;
import dev.marquee.it.support.ListeningSockets;
import dev.marquee.it.support.MarqueeProcess;
import dev.marquee.it.support.PairingLayout;
import dev.marquee.it.support.ScreenSocket;
import dev.marquee.it.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The uber jar as an operator runs it: boots on its database, is ready, renders the console's
 * landing page, answers screens on the WebSocket and the device client's check.
 */
class MarqueeServerIT {

  private static final String VERSION = System.getProperty("marquee.version", "0.1.0");

  private static TestDatabase database;
  private static MarqueeProcess server;

  @BeforeAll
  static void start() {
    database = TestDatabase.fresh("server");
    // The public URL an operator sets: a name phones reach (the pairing screen's QR code carries
    // it; a loopback one is not shown as a QR code, see PlayerIT).
    int port = FreePort.pick();
    Map<String, String> environment = new HashMap<>(database.environment());
    environment.put("MARQUEE_PUBLIC_URL", "http://marquee.example:" + port);
    server = MarqueeProcess.uberJar("server", environment, port);
    server.start().awaitReady();
    System.out.printf("marquee.jar booted in %d ms%n", server.bootMillis());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void reportsLiveAndReadyWithTheDatabaseItRunsOn() throws Exception {
    assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
    JsonNode ready = JsonBodies.parse(server.get("/health/ready").body());
    assertThat(ready.path("status").asText()).isEqualTo("UP");
    JsonNode check = ready.path("checks").get(0);
    assertThat(check.path("name").asText()).isEqualTo("database");
    assertThat(check.path("data").path("kind").asText())
        .isEqualTo(database.isPostgres() ? "PostgreSQL" : "H2");
    assertThat(check.path("data").path("schema").asText()).matches("[0-9]+");
  }

  @Test
  void sendsAFreshInstallationToSetupWithVersionAndDemoBanner() throws Exception {
    // The console's sign-in is shown in place of "/", and sends a fresh installation to setup.
    var anonymous = server.get("/");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValue("/setup.xhtml");
    var signIn = server.get("/sign-in.xhtml");
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location")).hasValue("/setup.xhtml");

    var response = server.get("/setup.xhtml");
    assertThat(response.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(response.body());
    assertThat(page.title()).isEqualTo("Set up Marquee · Marquee");
    assertThat(page.getElementById("server-version").text()).isEqualTo(VERSION);
    assertThat(page.getElementById("setup")).isNotNull();
    // A ready database needs no word on a public page.
    assertThat(page.getElementById("fact-database-status")).isNull();
    // The banner names the service Marquee talks to, not a sandbox it cannot tell from others.
    assertThat(page.getElementById("demo-banner").text())
        .contains("not talking to Spotify")
        // the default accounts URL: the quick start's sandbox address
        .contains("http://127.0.0.1:8099")
        .doesNotContain("Spotify sandbox");
    assertThat(page.select("link[rel=stylesheet]").attr("href")).contains("console.css");
  }

  @Test
  void showsTheSetupPageInARealBrowser() {
    try (Browser browser = Browser.open(1280, 720)) {
      browser.driver().get(server.uri("/").toString());
      assertThat(browser.driver().findElement(By.tagName("h1")).getText())
          .isEqualTo("Set up Marquee");
      assertThat(browser.driver().findElement(By.id("server-version")).getText())
          .isEqualTo(VERSION);
      WebElement banner = browser.driver().findElement(By.id("demo-banner"));
      assertThat(banner.isDisplayed()).isTrue();
      // The shared stylesheet applied: the banner has its own background, not the page's.
      assertThat(banner.getCssValue("background-color"))
          .isNotEqualTo(
              browser.driver().findElement(By.tagName("body")).getCssValue("background-color"));
      System.out.println("setup page screenshot: " + browser.screenshot("setup-1280x720"));
    }
  }

  @Test
  void saysNothingAboutTheServerItRunsOn() throws Exception {
    var response = server.get("/");
    assertThat(response.headers().firstValue("Server")).isEmpty();
    assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
  }

  @Test
  void listensOnTheHttpPortAndNothingElse() {
    // A plain `java -jar marquee.jar`: the operator chose the HTTP port, on every interface (the
    // default of MARQUEE_HTTP_ADDRESS). No data grid, no other port, on any interface.
    assertThat(ListeningSockets.of(server.pid()))
        .isNotEmpty()
        .allSatisfy(
            listener ->
                assertThat(listener.port()).as(listener.toString()).isEqualTo(server.port()))
        .allSatisfy(listener -> assertThat(listener.protocol()).isEqualTo("tcp"));
  }

  @Test
  void servesTheSharedStylesheet() throws Exception {
    var response = server.get("/jakarta.faces.resource/css/console.css.xhtml?ln=marquee");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(".demo-banner");
  }

  @Test
  void answersTheVersionApi() throws Exception {
    JsonNode version = JsonBodies.parse(server.get("/api/version").body());
    assertThat(version.path("product").asText()).isEqualTo("Marquee");
    assertThat(version.path("version").asText()).isEqualTo(VERSION);
  }

  @Test
  void answersHelloOnTheScreensSocket() throws Exception {
    try (ScreenSocket screen = ScreenSocket.open(server.webSocketUri("/ws/screen"))) {
      long before = System.currentTimeMillis();
      JsonNode hello =
          JsonBodies.parse(screen.send("{\"type\":\"hello\",\"client\":\"it/1\"}").nextText());
      assertThat(hello.path("type").asText()).isEqualTo("hello");
      assertThat(hello.path("server").asText()).isEqualTo("Marquee");
      assertThat(hello.path("version").asText()).isEqualTo(VERSION);
      assertThat(hello.path("serverTime").asLong())
          .isBetween(before - 5_000, System.currentTimeMillis() + 5_000);
    }
  }

  @Test
  void closesMalformedUnknownOversizeAndBinaryFramesWithTheDocumentedCodes() throws Exception {
    assertThat(closeCodeAfter(s -> s.send("{\"type\":")).code()).isEqualTo(1007);
    assertThat(closeCodeAfter(s -> s.send("[]")).code()).isEqualTo(1007);
    assertThat(closeCodeAfter(s -> s.send("{\"type\":\"hello\"}x")).code()).isEqualTo(1007);
    assertThat(closeCodeAfter(s -> s.send("{\"type\":\"launch-missiles\"}")).code())
        .isEqualTo(4400);
    assertThat(closeCodeAfter(s -> s.send("{}")).code()).isEqualTo(4400);
    assertThat(closeCodeAfter(s -> s.sendBinary(new byte[] {1, 2, 3})).code()).isEqualTo(1003);
    String oversize = "{\"type\":\"hello\",\"pad\":\"" + "x".repeat(9000) + "\"}";
    assertThat(closeCodeAfter(s -> s.send(oversize)).code()).isEqualTo(1009);
  }

  @Test
  void aScreenThatMisbehavesDoesNotDisturbAnotherScreen() throws Exception {
    try (ScreenSocket good = ScreenSocket.open(server.webSocketUri("/ws/screen"))) {
      good.send("{\"type\":\"hello\"}").nextText();
      closeCodeAfter(s -> s.send("not json"));
      JsonNode again = JsonBodies.parse(good.send("{\"type\":\"hello\"}").nextText());
      assertThat(again.path("version").asText()).isEqualTo(VERSION);
    }
  }

  @Test
  void theDeviceClientCheckPrintsTheServerVersion() throws Exception {
    Result check = deviceClient("--server", "ws://127.0.0.1:" + server.port(), "--check");
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output())
        .contains("Marquee " + VERSION + " at ws://127.0.0.1:" + server.port() + "/ws/screen");
  }

  @Test
  void neverLogsTheDatabasePassword() {
    assertThat(server.log()).doesNotContain(database.password());
  }

  @Test
  void thePairingScreenShowsTheCodeBesideItsQrCodeApartAtEverySize() {
    try (Browser browser = Browser.open(1280, 720)) {
      ChromeDriver driver = browser.driver();
      driver.get(server.uri("/player/").toString());
      Browser.waitOn(driver)
          .until(
              d ->
                  "code".equals(d.findElement(By.tagName("body")).getAttribute("data-pairing"))
                      && (Boolean)
                          ((ChromeDriver) d)
                              .executeScript(
                                  "const i = document.getElementById('pairing-qr');"
                                      + " return i.complete && i.naturalWidth > 0 && !i.hidden"));
      assertThat(driver.findElement(By.tagName("body")).getAttribute("data-qr")).isEqualTo("shown");
      assertThat(driver.findElement(By.id("pairing-code")).getText())
          .matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
      assertThat(driver.findElement(By.id("pairing-help")).getText())
          .isEqualTo(
              "Enter the code at http://marquee.example:"
                  + server.port()
                  + "/pair.xhtml, or scan the QR code with a phone.");
      List<PairingLayout.Measured> layout = PairingLayout.measure(driver);
      System.out.println("pairing screen with QR code: " + layout);
      assertThat(layout).allSatisfy(size -> assertThat(size.problems()).as(size.size()).isEmpty());
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 1280, "height", 720, "deviceScaleFactor", 1, "mobile", false));
      System.out.println("pairing screenshot: " + browser.screenshot("pairing-qr-1280x720"));
    }
  }

  private ScreenSocket.Closed closeCodeAfter(Consumer<ScreenSocket> frames) {
    try (ScreenSocket socket = ScreenSocket.open(server.webSocketUri("/ws/screen"))) {
      frames.accept(socket);
      return socket.awaitClose();
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result deviceClient(String... arguments) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("device.jar", "target/marquee-device.jar"));
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("device client did not finish within 30 s");
    }
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
