package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.it.support.Browser;
import dev.marquee.it.support.ConsoleServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What an operator does on day one, in a real Chromium: first-run setup with the code from the log,
 * sign in, Spotify app credentials, Connect, consent on the sandbox, "Connected as ...". On a
 * server of its own, because it starts from an empty database.
 */
class ConsoleWalkthroughIT {

  private static final String PASSWORD = "walkthrough password 1";

  @Test
  void fromFirstRunToAConnectedAccount() {
    try (ConsoleServer server = ConsoleServer.start("walkthrough");
        Browser browser = Browser.open(1280, 900)) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = Browser.waitOn(driver);

      driver.get(server.uri("/").toString());
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Set up Marquee");

      fillSetup(driver, "AAAA-BBBB-CCCC-DDDD-EEEE");
      // The answer is the same page: wait for its message, not for a URL.
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("notices"), "setup code is wrong"));
      assertThat(driver.findElements(By.id("setup"))).isNotEmpty();

      fillSetup(driver, server.setupCode());
      wait.until(ExpectedConditions.urlContains("/sign-in.xhtml"));
      assertThat(driver.findElement(By.id("notices")).getText()).contains("Setup is done");
      browser.screenshot("console-sign-in");

      driver.findElement(By.id("sign-in:username")).sendKeys("owner");
      driver.findElement(By.id("sign-in:password")).sendKeys(PASSWORD);
      driver.findElement(By.id("sign-in:submit")).click();
      wait.until(ExpectedConditions.textToBe(By.id("signed-in-as"), "owner"));

      driver.findElement(By.id("nav-apps")).click();
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
      assertThat(driver.findElement(By.id("connected-as")).getText()).startsWith("Connected as ");
      assertThat(driver.findElement(By.id("account-status")).getText()).isEqualTo("Connected");
      assertThat(driver.findElement(By.id("notices")).getText()).contains("Connected");
      browser.screenshot("console-connected-1280");
      // The strict Content Security Policy held: nothing on the way was blocked.
      assertThat(browser.consoleMessages())
          .noneMatch(message -> message.contains("Content Security Policy"));

      // Usable on a phone: nothing wider than the screen.
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      driver.navigate().refresh();
      Number pageWidth =
          (Number)
              ((org.openqa.selenium.JavascriptExecutor) driver)
                  .executeScript("return document.documentElement.scrollWidth");
      Number viewport =
          (Number)
              ((org.openqa.selenium.JavascriptExecutor) driver)
                  .executeScript("return window.innerWidth");
      assertThat(pageWidth.intValue()).isLessThanOrEqualTo(viewport.intValue());
      browser.screenshot("console-connected-390");
    }
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
