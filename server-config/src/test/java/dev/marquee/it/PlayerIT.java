package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.it.support.Browser;
import dev.marquee.it.support.ConsoleClient;
import dev.marquee.it.support.ConsoleServer;
import dev.marquee.it.support.JsonBodies;
import dev.marquee.it.support.PairingLayout;
import dev.marquee.it.support.ScreensConsole;
import dev.marquee.sandbox.SpotifySandbox;
import dev.marquee.sandbox.playback.Episode;
import dev.marquee.sandbox.playback.Show;
import dev.marquee.sandbox.playback.Track;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser player in headless Chromium against a real server and the sandbox: it pairs itself,
 * shows the track and every change, pauses, idles, follows the options, marks an account that needs
 * reconnecting, recovers from a server restart and pairs again when revoked. Assertions read the
 * DOM; each state is also saved as a screenshot at 1920x1080 and 1280x720 in
 * target/screenshots/player-*.png. The restart runs last: it takes the shared server away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlayerIT {

  private static final Duration SOON = Duration.ofSeconds(20);
  private static final By TITLE =
      By.cssSelector("#frame .widget:not(.leaving) [data-bind='data.track_name']");
  private static final By ARTIST =
      By.cssSelector("#frame .widget:not(.leaving) [data-bind='data.artist_name']");
  private static final By ALBUM =
      By.cssSelector("#frame .widget:not(.leaving) [data-bind='data.album_name']");
  private static final By PROGRESS =
      By.cssSelector("#frame .widget:not(.leaving) [data-bind='data.progress_formatted']");
  private static final By DURATION =
      By.cssSelector("#frame .widget:not(.leaving) [data-bind='data.duration_formatted']");
  private static final By ART = By.cssSelector("#frame .widget:not(.leaving) .mq-image");

  private static ConsoleServer server;
  private static SpotifySandbox sandbox;
  private static ConsoleClient admin;
  private static String organizationId;
  private static ScreensConsole console;

  @BeforeAll
  static void start() {
    server =
        ConsoleServer.start(
            "player",
            Map.of(
                "MARQUEE_POLLING_BASE_INTERVAL", "PT2S",
                "MARQUEE_POLLING_IDLE_STEPS", "PT2S",
                "MARQUEE_SCREENS_KEEPALIVE_SECONDS", "5",
                // A screen refused a pairing code asks again after 3 s, not a minute.
                "MARQUEE_PAIRING_BUSY_RETRY", "PT3S"));
    sandbox = server.sandbox();
    admin = server.signedInAdmin();
    server.ensureDefaultApp(admin);
    organizationId = ConsoleServer.organizationId(admin, ConsoleServer.FIRST_ORGANIZATION);
    console = new ScreensConsole(sandbox, admin, organizationId);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> theTemplateBindingsAndTheProgressInterpolation() throws IOException {
    try (Browser browser = Browser.open(1280, 720)) {
      ChromeDriver driver = browser.driver();
      driver.get(server.uri("/player/").toString());
      String script;
      try (InputStream in = PlayerIT.class.getResourceAsStream("/player/logic-tests.js")) {
        script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String widget;
      try (InputStream in =
          PlayerIT.class.getClassLoader().getResourceAsStream("widgets/spotify-now-playing.json")) {
        widget = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      JsonNode results = JsonBodies.parse((String) driver.executeAsyncScript(script, widget));
      assertThat(results.size()).as("cases run: " + results).isGreaterThan(30);
      List<DynamicTest> tests = new ArrayList<>();
      results.forEach(
          result ->
              tests.add(
                  DynamicTest.dynamicTest(
                      result.path("name").asText(),
                      () ->
                          assertThat(result.path("ok").asBoolean())
                              .as(result.path("detail").asText())
                              .isTrue())));
      return tests.stream();
    }
  }

  @Test
  @Order(2)
  void aPlayerPairsItselfShowsTheTrackAndFollowsSkipPauseAndIdle() {
    String user =
        console.account("player", List.of(track("Opening Number"), track("Second Number")));
    String configuration = console.showingNewest("Lobby " + user, Map.of());
    try (Browser browser = Browser.open(1920, 1080)) {
      WebDriver driver = browser.driver();
      driver.get(server.uri("/player/").toString());
      String code = awaitPairingCode(driver);
      // This server's public URL is a loopback address (as a quick start's is): a phone could not
      // open the claim link, so there is no QR code, and the screen says where to type the code.
      assertThat(driver.findElement(By.tagName("body")).getAttribute("data-qr")).isEqualTo("local");
      assertThat(driver.findElement(By.cssSelector(".pairing-qr-card")).isDisplayed()).isFalse();
      assertThat(driver.findElement(By.id("pairing-help")).getText())
          .isEqualTo(
              "Enter the code at " + server.uri("/pair.xhtml") + " in a browser on this computer.");
      assertThat(driver.findElement(By.id("pairing-note")).getText())
          .contains("No QR code: 127.0.0.1:" + server.marquee().port())
          .contains("a phone cannot open")
          .contains("marquee.public-url");
      List<PairingLayout.Measured> layout = PairingLayout.measure((ChromeDriver) driver);
      System.out.println("pairing screen without QR code: " + layout);
      assertThat(layout).allSatisfy(size -> assertThat(size.problems()).as(size.size()).isEmpty());
      assertThat(awaitPairingCode(driver)).isEqualTo(code);
      shoot(browser, "pairing");

      console.claim(code, "Front desk " + user, configuration);

      awaitText(driver, TITLE, "Opening Number");
      assertThat(mode(driver)).isEqualTo("playing");
      assertThat(driver.findElement(ARTIST).getText()).isEqualTo("The Players");
      assertThat(driver.findElement(ALBUM).getText()).isEqualTo("Live at the Lobby");
      assertThat(connection(driver)).isEqualTo("online");
      awaitArt(driver);
      // The progress moves between states, on the server's clock.
      String before = driver.findElement(PROGRESS).getText();
      Browser.waitOn(driver).until(d -> !d.findElement(PROGRESS).getText().equals(before));
      assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));
      shoot(browser, "playing");

      sandbox.player(user).skip();
      awaitText(driver, TITLE, "Second Number");
      shoot(browser, "skipped");

      sandbox.player(user).pause();
      Browser.waitOn(driver).until(d -> "paused".equals(mode(d)));
      assertThat(driver.findElement(By.cssSelector(".mark-paused")).isDisplayed()).isTrue();
      // Readable across a room at 1080p, scaled down with the window, never below 12 px.
      Map<String, Double> big = markBox((ChromeDriver) driver, 1920, 1080);
      Map<String, Double> small = markBox((ChromeDriver) driver, 480, 320);
      assertThat(big.get("fontSize")).isBetween(30.0, 36.0);
      assertThat(big.get("height")).isGreaterThan(40.0);
      assertThat(big.get("right")).isLessThanOrEqualTo(1920.0);
      assertThat(big.get("bottom")).isLessThanOrEqualTo(1080.0);
      assertThat(small.get("fontSize")).isBetween(12.0, 13.0);
      assertThat(small.get("right")).isLessThanOrEqualTo(480.0);
      assertThat(small.get("bottom")).isLessThanOrEqualTo(320.0);
      assertThat(small.get("left")).isGreaterThanOrEqualTo(0.0);
      String paused = driver.findElement(PROGRESS).getText();
      await()
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(3))
          .until(() -> driver.findElement(PROGRESS).getText().equals(paused));
      shoot(browser, "paused");

      sandbox.player(user).stop();
      Browser.waitOn(driver).until(d -> "idle".equals(mode(d)));
      assertThat(driver.findElements(By.cssSelector("#frame .idle-placeholder"))).hasSize(1);
      assertThat(driver.findElements(TITLE)).isEmpty();
      shoot(browser, "idle-placeholder");
      // Paired once: the code never shows again, not even after a reload.
      driver.navigate().refresh();
      Browser.waitOn(driver).until(d -> "idle".equals(mode(d)));
      assertThat(driver.findElement(By.id("pairing")).isDisplayed()).isFalse();
    }
  }

  @Test
  @Order(3)
  void eachThemeAndShowProgressOff() {
    String user = console.account("player", List.of(track("Themed Song")));
    String name = "Themes " + user;
    String configuration = console.showingNewest(name, Map.of("option:0:choice", "dark"));
    try (Browser browser = pairedPlayer(name, configuration)) {
      WebDriver driver = browser.driver();
      awaitText(driver, TITLE, "Themed Song");
      assertThat(rootBackground(driver)).contains("rgb(16, 16, 16)");
      assertThat(driver.findElement(TITLE).getCssValue("color"))
          .isEqualTo("rgba(255, 255, 255, 1)");
      shoot(browser, "theme-dark");

      console.editOptions(configuration, Map.of("option:0:choice", "light"));
      Browser.waitOn(driver)
          .until(d -> settled(d) && rootBackground(d).contains("rgb(244, 244, 240)"));
      assertThat(driver.findElement(TITLE).getCssValue("color")).isEqualTo("rgba(21, 21, 21, 1)");
      shoot(browser, "theme-light");

      console.editOptions(configuration, Map.of("option:0:choice", "gradient"));
      Browser.waitOn(driver)
          .until(d -> settled(d) && rootBackground(d).contains("linear-gradient"));
      assertThat(driver.findElement(PROGRESS).isDisplayed()).isTrue();
      shoot(browser, "theme-gradient");

      console.editOptions(configuration, Map.of("option:1:flag", ""));
      Browser.waitOn(driver).until(d -> settled(d) && !d.findElement(PROGRESS).isDisplayed());
      assertThat(driver.findElement(TITLE).getText()).isEqualTo("Themed Song");
      shoot(browser, "show-progress-off");
    }
  }

  @Test
  @Order(4)
  void theIdleOptions() {
    String user = console.account("player", List.of(track("Soon Silent")));
    String name = "Idle " + user;
    String configuration =
        console.showingNewest(name, Map.of("option:3:choice", "last-track-dimmed"));
    try (Browser browser = pairedPlayer(name, configuration)) {
      WebDriver driver = browser.driver();
      awaitText(driver, TITLE, "Soon Silent");
      sandbox.player(user).stop();
      Browser.waitOn(driver).until(d -> "idle".equals(mode(d)));
      assertThat(driver.findElement(TITLE).getText()).isEqualTo("Soon Silent");
      assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("dimmed");
      shoot(browser, "idle-last-track-dimmed");

      console.editOptions(configuration, Map.of("option:3:choice", "clock"));
      Browser.waitOn(driver)
          .until(d -> d.findElements(By.cssSelector("#frame .idle-clock")).size() == 1);
      Browser.waitOn(driver)
          .until(d -> d.findElement(By.cssSelector(".idle-clock")).getText().matches(".*\\d.*"));
      assertThat(driver.findElements(TITLE)).isEmpty();
      shoot(browser, "idle-clock");

      console.editOptions(configuration, Map.of("option:3:choice", "nothing"));
      Browser.waitOn(driver).until(d -> d.findElements(By.cssSelector("#frame > *")).isEmpty());
      shoot(browser, "idle-nothing");
    }
  }

  @Test
  @Order(5)
  void anEpisodeALongCjkTitleAndRightToLeftText() {
    String longTitle = "東京の夜明けに響く長い長い歌のタイトルは画面に収まらないほど続いていく — 第二楽章 🎶";
    Show show = Show.of("The Marquee Hour", "Marquee Radio", "Screens", 12);
    String user =
        console.account(
            "player",
            List.of(
                Track.of(
                    longTitle, "أم كلثوم", "ألبوم الحفلة", "2026-01-01", Duration.ofMinutes(10)),
                Episode.of(
                    "Episode 7: Screens",
                    show,
                    "About screens",
                    "2026-01-01",
                    Duration.ofMinutes(70))));
    String name = "Scripts " + user;
    try (Browser browser = pairedPlayer(name, console.showingNewest(name, Map.of()))) {
      WebDriver driver = browser.driver();
      awaitText(driver, TITLE, longTitle);
      WebElement title = driver.findElement(TITLE);
      ChromeDriver chrome = (ChromeDriver) driver;
      // Two lines of it, then an ellipsis: the title's box is two line heights, the rest is cut,
      // and the artist stays below.
      @SuppressWarnings("unchecked")
      Map<String, Number> lines =
          (Map<String, Number>)
              chrome.executeScript(
                  "const t = arguments[0], a = arguments[1];"
                      + " const s = getComputedStyle(t);"
                      + " return {height: t.getBoundingClientRect().height,"
                      + " lineHeight: parseFloat(s.lineHeight),"
                      + " scrollHeight: t.scrollHeight, clientHeight: t.clientHeight,"
                      + " bottom: t.getBoundingClientRect().bottom,"
                      + " artistTop: a.getBoundingClientRect().top,"
                      + " clamp: Number(s.webkitLineClamp)};",
                  title,
                  driver.findElement(ARTIST));
      double lineHeight = lines.get("lineHeight").doubleValue();
      assertThat(lines.get("height").doubleValue())
          .as("two lines: " + lines)
          .isBetween(1.9 * lineHeight, 2.1 * lineHeight);
      assertThat(lines.get("scrollHeight").intValue())
          .as("the rest is cut: " + lines)
          .isGreaterThan(lines.get("clientHeight").intValue());
      assertThat(lines.get("clamp").intValue()).isEqualTo(2);
      assertThat(lines.get("bottom").doubleValue())
          .as("not into the artist's line: " + lines)
          .isLessThanOrEqualTo(lines.get("artistTop").doubleValue());
      assertThat(driver.findElement(ARTIST).getText()).isEqualTo("أم كلثوم");
      assertThat(
              (Boolean)
                  chrome.executeScript(
                      "return getComputedStyle(arguments[0]).direction === 'rtl'",
                      driver.findElement(ARTIST)))
          .as("Arabic runs right to left")
          .isTrue();
      assertThat(widgetBox(chrome, TITLE)).as("inside the frame").isTrue();
      shoot(browser, "long-cjk-title");

      sandbox.player(user).skip();
      awaitText(driver, TITLE, "Episode 7: Screens");
      assertThat(driver.findElement(By.tagName("body")).getAttribute("data-kind"))
          .isEqualTo("episode");
      // The show once, and its publisher.
      assertThat(driver.findElement(ARTIST).getText()).isEqualTo("The Marquee Hour");
      assertThat(driver.findElement(ALBUM).getText()).isEqualTo("Marquee Radio");
      awaitArt(driver);
      assertThat(driver.findElement(DURATION).getText()).isEqualTo("1:10:00");
      shoot(browser, "episode");
    }
  }

  @Test
  @Order(6)
  void anAccountThatNeedsReconnectingIsMarked() {
    String user = console.account("player", List.of(track("Before The Revoke")));
    String name = "Reconnect " + user;
    try (Browser browser = pairedPlayer(name, console.showingNewest(name, Map.of()))) {
      WebDriver driver = browser.driver();
      awaitText(driver, TITLE, "Before The Revoke");
      assertThat(driver.findElement(By.cssSelector(".mark-reconnect")).isDisplayed()).isFalse();
      sandbox.revokeUser(user);
      // Nothing can be known of what the account plays: the screen says why, in full, instead
      // of "nothing is playing"; the room learns no account name and no error.
      Browser.waitOn(driver).until(d -> "reconnect".equals(mode(d)));
      assertThat(driver.findElement(By.tagName("body")).getAttribute("data-status"))
          .isEqualTo("NEEDS_RECONNECT");
      assertThat(driver.findElement(By.cssSelector("#frame .reconnect-notice")).getText())
          .isEqualTo("Spotify account needs to be reconnected by an admin");
      String shown = driver.findElement(By.tagName("body")).getText();
      assertThat(shown)
          .doesNotContain("Nothing is playing")
          .doesNotContain("Before The Revoke")
          .doesNotContain(user)
          .doesNotContainIgnoringCase("invalid_grant");
      assertThat(driver.findElements(TITLE)).isEmpty();
      // The notice says it already: no mark beside it.
      assertThat(driver.findElement(By.cssSelector(".mark-reconnect")).isDisplayed()).isFalse();
      assertThat(widgetBox((ChromeDriver) driver, By.cssSelector("#frame .reconnect-notice p")))
          .isTrue();
      shoot(browser, "needs-reconnect");
    }
  }

  @Test
  @Order(7)
  void aRevokedPlayerPairsAgain() {
    String user = console.account("player", List.of(track("Until Revoked")));
    String name = "Revoked " + user;
    try (Browser browser = pairedPlayer(name, console.showingNewest(name, Map.of()))) {
      WebDriver driver = browser.driver();
      awaitText(driver, TITLE, "Until Revoked");
      String screenId = screenIdNamed(name);
      ConsoleClient.Page page = admin.get("/screens.xhtml");
      String button =
          page.html()
              .selectFirst("tr[data-screen=" + screenId + "] input.revoke")
              .attr("name")
              .substring("screens:".length());
      admin.submit(page, "screens", Map.of(), button);
      String code = awaitPairingCode(driver);
      assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
      assertThat(
              (String)
                  ((ChromeDriver) driver)
                      .executeScript("return localStorage.getItem('marquee.player.token')"))
          .isNull();
    }
  }

  @Test
  @Order(8)
  void theWidgetsPageShowsALivePreviewWithThisPlayer() {
    String user = console.account("player", List.of(track("Previewed Song")));
    String name = "Preview " + user;
    String configuration = console.showingNewest(name, Map.of("option:0:choice", "dark"));
    try (Browser browser = Browser.open(1280, 900)) {
      ChromeDriver driver = browser.driver();
      browser.signIn(
          server.uri("/sign-in.xhtml"), ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD);
      driver.get(
          server
              .uri("/widgets.xhtml?organization=" + organizationId + "&id=" + configuration)
              .toString());
      WebElement frame = driver.findElement(By.id("preview"));
      // The player, told where the console serves the preview state (the single WAR: here).
      assertThat(frame.getAttribute("src"))
          .endsWith("/player/?preview=" + configuration + "&state=%2Fwidgets%2Fpreview");
      driver.switchTo().frame(frame);
      awaitText(driver, TITLE, "Previewed Song");
      assertThat(rootBackground(driver)).contains("rgb(16, 16, 16)");

      console.editOptions(configuration, Map.of("option:0:choice", "light"));
      Browser.waitOn(driver)
          .until(d -> settled(d) && rootBackground(d).contains("rgb(244, 244, 240)"));
      assertThat(driver.findElement(By.id("pairing")).isDisplayed()).isFalse();
      driver.switchTo().defaultContent();
      driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", frame);
      browser.screenshot("player-console-preview");
    }
  }

  @Test
  @Order(9)
  void thePreviewIsOnlyForAdminsOfTheConfiguration() {
    String user = console.account("player", List.of(track("Private Song")));
    String name = "Private " + user;
    String configuration = console.showingNewest(name, Map.of());
    ConsoleClient other =
        server.organizationAdmin(
            admin,
            ConsoleServer.unique("Elsewhere"),
            ConsoleServer.unique("other-admin"),
            "another correct horse battery");

    ConsoleClient.Page foreign = other.get("/widgets/preview?configuration=" + configuration);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("Private Song").doesNotContain(name);
    ConsoleClient.Page unknown = admin.get("/widgets/preview?configuration=" + UUID.randomUUID());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo(foreign.body());
    assertThat(admin.get("/widgets/preview?configuration=not-an-id").status()).isEqualTo(404);
    ConsoleClient.Page anonymous =
        server.client().get("/widgets/preview?configuration=" + configuration);
    assertThat(anonymous.body()).doesNotContain("Private Song");
    // Refused previews watch nothing: no screen shows the account, so nobody polled it.
    assertThat(sandbox.counters().calls(user, "currently-playing")).isZero();
    // Ours previews for us, and an open preview watches the account like a screen.
    await()
        .atMost(SOON)
        .until(
            () -> admin.get("/widgets/preview?configuration=" + configuration).body(),
            body -> body.contains("Private Song"));
  }

  @Test
  @Order(100)
  void theServerStoppedAndStartedAgainThePlayerRecovers() {
    String user =
        console.account(
            "player", List.of(track("Through The Restart"), track("After The Restart")));
    String name = "Restart " + user;
    try (Browser browser = pairedPlayer(name, console.showingNewest(name, Map.of()))) {
      WebDriver driver = browser.driver();
      awaitText(driver, TITLE, "Through The Restart");

      server.marquee().stop();
      Browser.waitOn(driver).until(d -> "offline".equals(connection(d)));
      assertThat(driver.findElement(By.cssSelector(".mark-offline")).isDisplayed()).isTrue();
      assertThat(driver.findElement(TITLE).getText())
          .as("the last state stays")
          .isEqualTo("Through The Restart");
      shoot(browser, "offline");

      sandbox.player(user).skip();
      server.marquee().start().awaitReady();
      await().atMost(Duration.ofSeconds(90)).until(() -> "online".equals(connection(driver)));
      awaitText(driver, TITLE, "After The Restart");
      assertThat(driver.findElement(By.cssSelector(".mark-offline")).isDisplayed()).isFalse();
    }
  }

  @Test
  @Order(10)
  void aScreenRefusedACodeSaysWhyAndAsksAgainByItself() throws Exception {
    String user = console.account("player", List.of(track("After The Wait")));
    String name = "Busy " + user;
    String configuration = console.showingNewest(name, Map.of());
    // This address fills up with unclaimed codes, as forgotten browser tabs would.
    List<String> waiting = new ArrayList<>();
    HttpResponse<String> refused;
    do {
      refused = server.marquee().post("/api/screens/pairing", "");
      if (refused.statusCode() == 201) {
        waiting.add(JsonBodies.parse(refused.body()).path("code").asText());
      }
    } while (refused.statusCode() == 201 && waiting.size() < 10);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
    try (Browser browser = Browser.open(1280, 720)) {
      ChromeDriver driver = browser.driver();
      driver.get(server.uri("/player/").toString());
      Browser.waitOn(driver).until(d -> "busy".equals(pairingState(d)));
      assertThat(driver.findElement(By.id("pairing-lead")).getText())
          .isEqualTo("Too many screens here are waiting to be paired");
      assertThat(driver.findElement(By.id("pairing-help")).getText())
          .matches("This screen asks again at \\d\\d?:\\d\\d:\\d\\d.{0,4} \\(in 0:0[0-3]\\)\\.");
      assertThat(driver.findElement(By.id("pairing-note")).getText())
          .contains("codes expire after ten minutes");
      assertThat(driver.findElement(By.id("pairing-code")).isDisplayed()).isFalse();
      assertThat(driver.findElement(By.cssSelector(".pairing-qr-card")).isDisplayed()).isFalse();
      List<PairingLayout.Measured> layout = PairingLayout.measure(driver);
      assertThat(layout).allSatisfy(size -> assertThat(size.problems()).as(size.size()).isEmpty());
      shoot(browser, "pairing-busy");

      // The countdown runs; the address is still full, so the player is still refused.
      String before = driver.findElement(By.id("pairing-help")).getText();
      Browser.waitOn(driver)
          .until(d -> !d.findElement(By.id("pairing-help")).getText().equals(before));
      assertThat(pairingState(driver)).isEqualTo("busy");

      // An admin claims one of the waiting codes: a place is free, and the player, asking again
      // by itself, gets a code of its own.
      console.claim(waiting.remove(0), name, configuration);
      String code = awaitPairingCode(driver);
      assertThat(waiting).doesNotContain(code);
      console.claim(code, name + " itself", configuration);
      awaitText(driver, TITLE, "After The Wait");
    } finally {
      // The address's places back for the tests after this one.
      for (String code : waiting) {
        console.claim(code, name + " " + code, configuration);
      }
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Track track(String title) {
    return Track.of(
        title, "The Players", "Live at the Lobby", "2026-01-01", Duration.ofMinutes(10));
  }

  private static Browser pairedPlayer(String name, String configuration) {
    Browser browser = Browser.open(1920, 1080);
    browser.driver().get(server.uri("/player/").toString());
    console.claim(awaitPairingCode(browser.driver()), name, configuration);
    return browser;
  }

  private static String screenIdNamed(String name) {
    return admin.get("/screens.xhtml").html().select("tr[data-screen]").stream()
        .filter(row -> row.text().contains(name))
        .findFirst()
        .orElseThrow()
        .attr("data-screen");
  }

  private static String awaitPairingCode(WebDriver driver) {
    Browser.waitOn(driver)
        .until(
            d ->
                "pairing".equals(mode(d))
                    && !d.findElement(By.id("pairing-code")).getText().isBlank());
    return driver.findElement(By.id("pairing-code")).getText();
  }

  private static void awaitText(WebDriver driver, By where, String text) {
    Browser.waitOn(driver)
        .withTimeout(SOON)
        .until(d -> d.findElements(where).stream().anyMatch(e -> text.equals(e.getText())));
  }

  private static void awaitArt(WebDriver driver) {
    Browser.waitOn(driver)
        .until(
            d ->
                (Boolean)
                    ((ChromeDriver) d)
                        .executeScript(
                            "const i = arguments[0].querySelector('img');"
                                + " return i.complete && i.naturalWidth > 0"
                                + " && !arguments[0].classList.contains('mq-no-art')",
                            d.findElement(ART)));
  }

  private static String mode(WebDriver driver) {
    return driver.findElement(By.tagName("body")).getAttribute("data-mode");
  }

  private static String pairingState(WebDriver driver) {
    return driver.findElement(By.tagName("body")).getAttribute("data-pairing");
  }

  /** The shown mark's font size and box in CSS pixels, in a page of exactly that size. */
  @SuppressWarnings("unchecked")
  private static Map<String, Double> markBox(ChromeDriver driver, int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    Map<String, Number> box;
    try {
      box =
          (Map<String, Number>)
              driver.executeAsyncScript(
                  "const done = arguments[0];"
                      + " requestAnimationFrame(() => requestAnimationFrame(() => {"
                      + " const m = [...document.querySelectorAll('.mark')]"
                      + ".find((e) => getComputedStyle(e).display !== 'none');"
                      + " const r = m.getBoundingClientRect();"
                      + " done({fontSize: parseFloat(getComputedStyle(m).fontSize),"
                      + " height: r.height, left: r.left, right: r.right, bottom: r.bottom});"
                      + " }));");
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    Map<String, Double> doubles = new java.util.HashMap<>();
    box.forEach((key, value) -> doubles.put(key, value.doubleValue()));
    return doubles;
  }

  private static String connection(WebDriver driver) {
    return driver.findElement(By.tagName("body")).getAttribute("data-connection");
  }

  /**
   * No track change animation running: an options change swaps in a new widget with a fade, and
   * while it runs the entering widget is transparent (nothing of it counts as displayed).
   */
  private static boolean settled(WebDriver driver) {
    return driver
        .findElements(By.cssSelector("#frame .widget.leaving, #frame .widget.entering"))
        .isEmpty();
  }

  private static String rootBackground(WebDriver driver) {
    return (String)
        ((ChromeDriver) driver)
            .executeScript(
                "const w = document.querySelector('#frame .widget:not(.leaving)');"
                    + " return w ? getComputedStyle(w).backgroundColor + ' '"
                    + " + getComputedStyle(w).backgroundImage : ''");
  }

  private static boolean widgetBox(ChromeDriver driver, By element) {
    return (Boolean)
        driver.executeScript(
            "const f = document.getElementById('frame').getBoundingClientRect();"
                + " const e = arguments[0].getBoundingClientRect();"
                + " return e.left >= f.left - 1 && e.right <= f.right + 1"
                + " && e.top >= f.top - 1 && e.bottom <= f.bottom + 1",
            driver.findElement(element));
  }

  /** The state as a screen owner sees it, at 1080p and at 720p (the page's own size). */
  private static void shoot(Browser browser, String state) {
    ChromeDriver driver = browser.driver();
    for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", false));
      browser.screenshot("player-" + state + "-" + size[0] + "x" + size[1]);
    }
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }
}
