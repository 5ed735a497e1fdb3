package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.it.support.Browser;
import dev.marquee.it.support.ConsoleClient;
import dev.marquee.it.support.ConsoleServer;
import dev.marquee.it.support.JsonBodies;
import dev.marquee.it.support.Layout;
import dev.marquee.it.support.ScreensConsole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What an operator does on day one, in a real Chromium: the console opened at the wrong address
 * (and told so), first-run setup with the code from the log (which signs them in), the Overview's
 * next steps, Spotify app credentials, Connect, consent on the sandbox, a widget configuration, a
 * paired screen that is offline; and every page with a table measured on a phone and a desktop. On
 * a server of its own, because it starts from an empty database.
 */
class ConsoleWalkthroughIT {

  private static final String PASSWORD = "walkthrough password 1";
  private static final List<String> STEPS =
      List.of("step-app", "step-account", "step-widget", "step-screen");
  private static final List<String> TABLE_PAGES =
      List.of(
          "/index.xhtml",
          "/accounts.xhtml",
          "/spotify-apps.xhtml",
          "/screens.xhtml",
          "/pair.xhtml",
          "/organizations.xhtml",
          "/audit.xhtml");

  @Test
  void fromFirstRunToAPairedScreen() throws Exception {
    try (ConsoleServer server = ConsoleServer.start("walkthrough");
        Browser browser = Browser.open(1280, 900)) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = Browser.waitOn(driver);

      // Opened as "localhost": the console says at once that flows cannot finish there, and
      // links to the same page at the public URL, where the warning is gone.
      URI viaLocalhost = URI.create("http://localhost:" + server.marquee().port() + "/");
      driver.get(viaLocalhost.toString());
      assertThat(driver.getCurrentUrl()).startsWith(viaLocalhost.toString());
      assertThat(driver.findElement(By.id("other-address")).getText())
          .contains("another address than Marquee's public URL")
          .contains(server.uri("/").toString().replaceAll("/$", ""));
      WebElement rightAddress = driver.findElement(By.id("other-address-link"));
      assertThat(rightAddress.getAttribute("href"))
          .isEqualTo(server.uri("/setup.xhtml").toString());
      rightAddress.click();
      wait.until(ExpectedConditions.urlToBe(server.uri("/setup.xhtml").toString()));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Set up Marquee");
      assertThat(driver.findElements(By.id("other-address"))).isEmpty();

      fillSetup(driver, "AAAA-BBBB-CCCC-DDDD-EEEE");
      // The answer is the same page: wait for its message, not for a URL.
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("notices"), "setup code is wrong"));
      assertThat(driver.findElements(By.id("setup"))).isNotEmpty();

      // Setup signs the new admin in, under a new session id.
      String sessionBefore = driver.manage().getCookieNamed("JSESSIONID").getValue();
      fillSetup(driver, server.setupCode());
      wait.until(ExpectedConditions.urlContains("/index.xhtml"));
      assertThat(driver.findElement(By.id("signed-in-as")).getText()).isEqualTo("owner");
      assertThat(driver.findElement(By.id("notices")).getText())
          .contains("Setup is done: you are signed in as owner");
      assertThat(driver.manage().getCookieNamed("JSESSIONID").getValue())
          .isNotEqualTo(sessionBefore);
      // The Overview: four steps, none done, nothing alarming, and why a phone cannot pair here.
      assertSteps(driver, false, false, false, false);
      assertThat(driver.findElements(By.id("no-alerts"))).isNotEmpty();
      assertThat(driver.findElement(By.id("loopback-public-url")).getText())
          .contains("marquee.public-url")
          .contains("cannot open the link");
      assertCurrentPage(driver, "nav-overview");

      driver.findElement(By.cssSelector("#step-app a")).click();
      assertCurrentPage(driver, "nav-apps");
      assertThat(driver.findElement(By.id("redirect-uri")).getText())
          .isEqualTo(server.uri("/spotify/callback").toString());
      driver.findElement(By.id("default-app:client-id")).sendKeys(ConsoleServer.DEMO_CLIENT_ID);
      driver
          .findElement(By.id("default-app:client-secret"))
          .sendKeys(ConsoleServer.DEMO_CLIENT_SECRET);
      driver.findElement(By.id("default-app:save")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "Saved"));
      assertThat(driver.getPageSource()).doesNotContain(ConsoleServer.DEMO_CLIENT_SECRET);
      driver.findElement(By.cssSelector(".test-credentials")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notices .success")));
      browser.screenshot("console-spotify-apps");
      driver.findElement(By.id("nav-overview")).click();
      assertSteps(driver, true, false, false, false);

      driver.findElement(By.id("nav-accounts")).click();
      // The owner first says no on Spotify's page: a message, and nothing connected.
      driver.findElement(By.id("connect:start")).click();
      wait.until(ExpectedConditions.urlContains(server.sandbox().baseUri().toString()));
      driver.findElement(By.cssSelector("button[value=deny]")).click();
      wait.until(ExpectedConditions.urlContains("/accounts.xhtml"));
      assertThat(driver.findElement(By.id("notices")).getText()).contains("access was not allowed");
      assertThat(driver.findElements(By.cssSelector("#accounts tr.account"))).isEmpty();

      driver.findElement(By.id("connect:start")).click();
      wait.until(ExpectedConditions.urlContains(server.sandbox().baseUri().toString()));
      new Select(driver.findElement(By.name("user"))).selectByValue("demo-gym");
      driver.findElement(By.cssSelector("button[value=approve]")).click();

      wait.until(ExpectedConditions.urlContains("/account.xhtml"));
      assertThat(driver.findElement(By.id("account-heading")).getText())
          .startsWith("Connected as ");
      assertThat(driver.findElement(By.id("account-status")).getText()).isEqualTo("Connected");
      assertThat(driver.findElement(By.id("reconnect:start")).getAttribute("value"))
          .isEqualTo("Reconnect");
      assertThat(driver.findElement(By.id("notices")).getText()).contains("Connected");
      // The account's page is under "Spotify accounts" in the menu.
      assertCurrentPage(driver, "nav-accounts");
      // Moments are <time> elements the script rewrote in the browser's zone, relative as well.
      WebElement reconnectBefore = driver.findElement(By.cssSelector("#reconnect-before time"));
      assertThat(reconnectBefore.getAttribute("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(reconnectBefore.getText()).contains("(in 6 months)");
      browser.screenshot("console-connected-1280");
      driver.findElement(By.id("nav-overview")).click();
      assertSteps(driver, true, true, false, false);

      // A widget configuration (the widgets page has tests of its own), then a screen paired in
      // the browser with the code it shows; it never connects, so the Overview says it is offline.
      ConsoleClient owner = server.signedIn(server.client(), "owner", PASSWORD);
      new ScreensConsole(server.sandbox(), owner, ConsoleServer.organizationId(owner, "Corner Gym"))
          .showingNewest("Lobby");
      String code = pairingCode(server);
      driver.findElement(By.id("nav-pair")).click();
      driver.findElement(By.id("pair:code")).sendKeys(code);
      driver.findElement(By.id("pair:name")).sendKeys("Front desk TV");
      driver.findElement(By.id("pair:claim")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("notices"), "Paired Front desk TV"));
      driver.findElement(By.id("nav-overview")).click();
      assertSteps(driver, true, true, true, true);
      assertThat(driver.findElement(By.id("next-heading")).getText())
          .isEqualTo("Getting started: all done");
      WebElement offline = driver.findElement(By.cssSelector("#alerts .alert-screen"));
      assertThat(offline.getText()).contains("Front desk TV is offline").contains("never");
      assertThat(driver.findElements(By.id("no-alerts"))).isEmpty();
      browser.viewport(1280, 800);
      browser.screenshot("overview-1280x800");

      // On the screens page the table uses the card's width: the name stays on one line.
      driver.findElement(By.id("nav-screens")).click();
      Number nameLines =
          (Number)
              ((JavascriptExecutor) driver)
                  .executeScript(
                      "return document.querySelector('#screen-table td.name a')"
                          + ".getClientRects().length");
      assertThat(nameLines.intValue()).isEqualTo(1);

      // Every page with a table fits a desktop and a phone: nothing cut off, every button shown.
      for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
        browser.viewport(size.width, size.height);
        for (String page : TABLE_PAGES) {
          driver.get(server.uri(page).toString());
          assertThat(Layout.problems(driver)).as(page + " at " + size).isEmpty();
        }
      }
      driver.get(server.uri("/screens.xhtml").toString());
      ((JavascriptExecutor) driver)
          .executeScript("document.getElementById('screen-table').scrollIntoView()");
      browser.screenshot("screens-390x844");
      driver.get(server.uri("/audit.xhtml").toString());
      // The audit log's details are on a phone's screen.
      assertThat(driver.findElement(By.cssSelector("#audit td.details")).isDisplayed()).isTrue();
      browser.screenshot("audit-390x844");

      // The strict Content Security Policy held (the script is a file of the console's own), and
      // no page missed its icon.
      assertThat(browser.consoleMessages())
          .noneMatch(message -> message.contains("Content Security Policy"))
          .noneMatch(message -> message.contains("favicon"));
    }
  }

  private static void assertSteps(WebDriver driver, boolean... done) {
    for (int i = 0; i < STEPS.size(); i++) {
      WebElement step = driver.findElement(By.id(STEPS.get(i)));
      assertThat(step.getAttribute("class")).as(STEPS.get(i)).isEqualTo(done[i] ? "done" : "todo");
      assertThat(step.findElement(By.className("state")).getText())
          .isEqualTo(done[i] ? "Done" : "To do");
    }
  }

  /** Exactly the page's own menu entry is marked as current, for the eye and screen readers. */
  private static void assertCurrentPage(WebDriver driver, String navId) {
    List<String> current =
        driver.findElements(By.cssSelector("nav a[aria-current=page]")).stream()
            .map(link -> link.getAttribute("id"))
            .toList();
    assertThat(current).containsExactly(navId);
    WebElement link = driver.findElement(By.id(navId));
    WebElement other =
        driver.findElement(By.id(navId.equals("nav-audit") ? "nav-pair" : "nav-audit"));
    assertThat(link.getCssValue("font-weight")).isNotEqualTo(other.getCssValue("font-weight"));
  }

  /** A screen asks for a pairing code, as the player does. */
  private static String pairingCode(ConsoleServer server) throws IOException, InterruptedException {
    HttpResponse<String> started =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.uri("/api/screens/pairing"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"client\":\"it-screen/1\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    return JsonBodies.parse(started.body()).path("code").asText();
  }

  private static void fillSetup(WebDriver driver, String code) {
    driver.findElement(By.id("setup:code")).clear();
    driver.findElement(By.id("setup:code")).sendKeys(code);
    driver.findElement(By.id("setup:organization")).clear();
    driver.findElement(By.id("setup:organization")).sendKeys("Corner Gym");
    driver.findElement(By.id("setup:username")).clear();
    driver.findElement(By.id("setup:username")).sendKeys("owner");
    driver.findElement(By.id("setup:password")).sendKeys(PASSWORD);
    driver.findElement(By.id("setup:repeat")).sendKeys(PASSWORD);
    driver.findElement(By.id("setup:submit")).click();
  }
}
