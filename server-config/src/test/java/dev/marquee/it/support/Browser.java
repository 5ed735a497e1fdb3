package dev.marquee.it.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for tests that look at pages as a person does.
 * Uses the system's chromium and chromedriver (never a downloaded browser); where they are not
 * installed, the test is skipped with a message saying so ({@code .ci/run} installs them).
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A fresh browser with an empty profile and the given window size. */
  public static Browser open(int width, int height) {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    try {
      Path profile = Files.createTempDirectory("marquee-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--user-data-dir=" + profile);
      // The page's console messages (CSP violations among them) for tests that read them.
      options.setCapability(
          "goog:loggingPrefs",
          java.util.Map.of(org.openqa.selenium.logging.LogType.BROWSER, "ALL"));
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(width, height));
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the pages wrote to the browser's console since the last call. */
  public java.util.List<String> consoleMessages() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(entry -> entry.getLevel() + " " + entry.getMessage())
        .toList();
  }

  /**
   * A wait of up to 20 s for the page to reach a condition. While a form post replaces the page,
   * Chromium may answer a read of the old page's element with "Node with given id does not belong
   * to the document" instead of a stale-element error; the wait reads again rather than fail, and
   * still fails when the condition never holds.
   */
  public static WebDriverWait waitOn(WebDriver driver) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(StaleElementReferenceException.class);
    wait.ignoring(WebDriverException.class);
    return wait;
  }

  /** Signs in on the console's sign-in page and waits until the console names the admin. */
  public void signIn(java.net.URI signInPage, String username, String password) {
    driver.get(signInPage.toString());
    driver.findElement(org.openqa.selenium.By.id("sign-in:username")).sendKeys(username);
    driver.findElement(org.openqa.selenium.By.id("sign-in:password")).sendKeys(password);
    driver.findElement(org.openqa.selenium.By.id("sign-in:submit")).click();
    waitOn(driver)
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.textToBe(
                org.openqa.selenium.By.id("signed-in-as"), username));
  }

  /**
   * Sizes the window so that the page's viewport (what {@code innerWidth} and {@code innerHeight}
   * say) is exactly this size: a phone's 390 × 844, say, whatever the window's frame takes.
   */
  public void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    java.util.List<?> inner =
        (java.util.List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
    int innerWidth = ((Number) inner.get(0)).intValue();
    int innerHeight = ((Number) inner.get(1)).intValue();
    driver
        .manage()
        .window()
        .setSize(new Dimension(2 * width - innerWidth, 2 * height - innerHeight));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows to target/screenshots/NAME.png and returns the file. */
  public Path screenshot(String name) {
    Path directory = Path.of(System.getProperty("marquee.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(directory);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Path target = directory.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    Directories.deleteRecursively(profile);
  }
}
