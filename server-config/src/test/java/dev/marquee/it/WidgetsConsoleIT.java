package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.it.support.Browser;
import dev.marquee.it.support.ConsoleClient;
import dev.marquee.it.support.ConsoleServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Widget configurations on the console: the options form is generated from the Now Playing widget's
 * options schema, sources are chosen in order, and refused input changes nothing.
 */
class WidgetsConsoleIT {

  private static ConsoleServer server;
  private static ConsoleClient admin;
  private static String organizationId;

  @BeforeAll
  static void start() {
    server = ConsoleServer.start("widgets");
    admin = server.signedInAdmin();
    server.ensureDefaultApp(admin);
    organizationId = ConsoleServer.organizationId(admin, ConsoleServer.FIRST_ORGANIZATION);
    for (String user : List.of("demo-gym", "demo-shop")) {
      ConsoleServer.callback(
          admin, server.sandbox().approve(ConsoleServer.startConnect(admin, organizationId), user));
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anAdminCreatesChangesAndDeletesAConfigurationThroughAFormMadeFromTheSchema() {
    List<String> accounts = ConsoleServer.accountNames(admin, organizationId);
    assertThat(accounts).hasSize(2);
    String name = ConsoleServer.unique("Gym floor");
    try (Browser browser = Browser.open(1280, 1200)) {
      WebDriver driver = browser.driver();
      WebDriverWait wait = Browser.waitOn(driver);
      browser.signIn(
          server.uri("/sign-in.xhtml"), ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD);
      driver.get(server.uri("/widgets.xhtml").toString());

      assertThat(
              driver.findElements(By.cssSelector("#options .option")).stream()
                  .map(option -> option.getAttribute("data-option")))
          .containsExactly("theme", "show_progress", "animation", "idle");
      Select theme = new Select(option(driver, "theme"));
      assertThat(theme.getOptions())
          .extracting(WebElement::getText)
          .containsExactly("dark", "light", "gradient");
      assertThat(theme.getFirstSelectedOption().getText()).isEqualTo("gradient");
      assertThat(option(driver, "show_progress").isSelected()).isTrue();
      assertThat(new Select(option(driver, "idle")).getOptions())
          .extracting(WebElement::getText)
          .containsExactly("placeholder", "last-track-dimmed", "clock", "nothing");

      driver.findElement(By.id("widget:name")).sendKeys(name);
      theme.selectByVisibleText("dark");
      option(driver, "show_progress").click();
      position(driver, accounts.get(1)).sendKeys("1");
      position(driver, accounts.get(0)).sendKeys("2");
      browser.screenshot("console-widget-form");
      driver.findElement(By.id("widget:save")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "Saved"));
      WebElement row = row(driver, name);
      assertThat(row.findElement(By.className("sources")).getText())
          .isEqualTo(accounts.get(1) + ", " + accounts.get(0));

      row.findElement(By.cssSelector("td.name a")).click();
      wait.until(ExpectedConditions.textToBe(By.id("form-heading"), "Change the configuration"));
      assertThat(new Select(option(driver, "theme")).getFirstSelectedOption().getText())
          .isEqualTo("dark");
      assertThat(option(driver, "show_progress").isSelected()).isFalse();
      assertThat(position(driver, accounts.get(1)).getAttribute("value")).isEqualTo("1");
      new Select(option(driver, "theme")).selectByVisibleText("light");
      driver.findElement(By.id("widget:save")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "Saved"));
      assertThat(driver.findElements(By.cssSelector("#configuration-table tr.configuration")))
          .hasSize(1);

      row(driver, name).findElement(By.className("delete")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "Deleted"));
      assertThat(driver.findElements(By.id("no-configurations"))).isNotEmpty();
    }
  }

  @Test
  void refusedInputShowsItsReasonAndSavesNothing() {
    String name = ConsoleServer.unique("Refused");
    assertRefused(Map.of("name", name), "Choose at least one Spotify account");
    assertRefused(Map.of("name", "", "source:0:position", "1"), "Give the configuration a name");
    assertRefused(Map.of("name", name, "source:0:position", "x"), "Positions are whole numbers");
    assertRefused(
        Map.of("name", name, "source:0:position", "1", "source:1:position", "1"),
        "Two accounts have position 1");
    // A forged choice never reaches the schema: Faces refuses a value the menu did not offer.
    assertRefused(
        Map.of("name", name, "source:0:position", "1", "option:0:choice", "neon"),
        "Theme: Validation Error");

    ConsoleClient.Page saved = save(Map.of("name", name, "source:0:position", "1"));
    assertThat(saved.notices()).contains("Saved " + name);
    ConsoleClient.Page twice = save(Map.of("name", name, "source:0:position", "1"));
    assertThat(twice.notices()).contains("already has a widget configuration named");
    assertThat(configurationNames()).containsOnlyOnce(name);
  }

  @Test
  void aCheckboxValueOtherThanTickedOrNotIsRefusedAndTheStoredConfigurationStaysAsItWas() {
    withDarkConfigurationShowingProgress(
        edit -> {
          // "maybe" is no checkbox value: refused, not saved as unticked.
          ConsoleClient.Page maybe =
              admin.submit(admin.get(edit), "widget", Map.of("option:1:flag", "maybe"), "save");
          assertThat(maybe.notices())
              .contains(
                  "Show progress: a checkbox is either ticked or not; the value sent was neither.")
              .doesNotContain("Saved");
          assertThat(stored(edit)).isEqualTo("theme=dark, show_progress=true");
        });
  }

  @Test
  void anEmptyChoiceIsRefusedAndTheStoredConfigurationStaysAsItWas() {
    withDarkConfigurationShowingProgress(
        edit -> {
          // An empty choice is refused, not replaced by the default (gradient).
          ConsoleClient.Page empty =
              admin.submit(
                  admin.get(edit),
                  "widget",
                  Map.of("option:0:choice", "", "option:1:flag", "on"),
                  "save");
          assertThat(empty.notices())
              .contains("Theme: choose one of dark, light, gradient; an empty choice is not one.")
              .doesNotContain("Saved");
          assertThat(stored(edit)).isEqualTo("theme=dark, show_progress=true");
        });
  }

  /**
   * Saves a configuration with theme dark and progress shown, runs the check with its edit page's
   * path, then deletes it: the browser test expects its own to be the organization's only one.
   */
  private static void withDarkConfigurationShowingProgress(Consumer<String> check) {
    String name = ConsoleServer.unique("Tampered");
    ConsoleClient.Page saved =
        save(
            Map.of(
                "name",
                name,
                "source:0:position",
                "1",
                "option:0:choice",
                "dark",
                "option:1:flag",
                "on"));
    assertThat(saved.notices()).contains("Saved " + name);
    String edit = "/widgets.xhtml?id=" + idOf(name);
    try {
      assertThat(stored(edit)).isEqualTo("theme=dark, show_progress=true");
      check.accept(edit);
    } finally {
      delete(name);
    }
  }

  @Test
  void anotherOrganizationsAdminCanNeitherSeeNorChangeAConfiguration() {
    String name = ConsoleServer.unique("Private");
    save(Map.of("name", name, "source:0:position", "1"));
    String link =
        admin
            .get("/widgets.xhtml?organization=" + organizationId)
            .html()
            .select("#configuration-table tr.configuration td.name a")
            .stream()
            .filter(anchor -> anchor.text().equals(name))
            .findFirst()
            .orElseThrow()
            .attr("href");
    String id = link.substring(link.indexOf("id=") + 3);

    ConsoleClient other =
        server.organizationAdmin(
            admin,
            ConsoleServer.unique("Other org"),
            ConsoleServer.unique("other"),
            "other organization password 1");
    ConsoleClient.Page foreign = other.get("/widgets.xhtml?id=" + id);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain(name);
    ConsoleClient.Page foreignList = other.get("/widgets.xhtml?organization=" + organizationId);
    assertThat(foreignList.status()).isEqualTo(404);
    assertThat(foreignList.body()).doesNotContain(name);
    assertThat(other.get("/widgets.xhtml").body()).doesNotContain(name);
    assertThat(configurationNames()).contains(name);
  }

  private static void assertRefused(Map<String, String> values, String reason) {
    List<String> before = configurationNames();
    ConsoleClient.Page refused = save(values);
    assertThat(refused.notices()).contains(reason);
    assertThat(configurationNames()).isEqualTo(before);
  }

  private static ConsoleClient.Page save(Map<String, String> values) {
    ConsoleClient.Page form = admin.get("/widgets.xhtml?organization=" + organizationId);
    return admin.submit(form, "widget", new HashMap<>(values), "save");
  }

  private static List<String> configurationNames() {
    return admin
        .get("/widgets.xhtml?organization=" + organizationId)
        .html()
        .select("#configuration-table tr.configuration td.name")
        .eachText();
  }

  private static void delete(String name) {
    ConsoleClient.Page list = admin.get("/widgets.xhtml?organization=" + organizationId);
    String button =
        list.html().select("#configuration-table tr.configuration").stream()
            .filter(row -> row.select("td.name").text().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no configuration " + name))
            .select("input.delete")
            .attr("name");
    ConsoleClient.Page deleted =
        admin.submit(
            list, "configurations", Map.of(), button.substring("configurations:".length()));
    assertThat(deleted.notices()).contains("Deleted " + name);
  }

  private static String idOf(String name) {
    String link =
        admin
            .get("/widgets.xhtml?organization=" + organizationId)
            .html()
            .select("#configuration-table tr.configuration td.name a")
            .stream()
            .filter(anchor -> anchor.text().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no configuration " + name))
            .attr("href");
    return link.substring(link.indexOf("id=") + 3);
  }

  /** The stored theme and progress flag, as the configuration's edit form shows them. */
  private static String stored(String edit) {
    ConsoleClient.Page form = admin.get(edit);
    String theme =
        form.html().select("#options select[data-option=theme] option[selected]").attr("value");
    boolean progress =
        form.html().select("#options input[data-option=show_progress]").hasAttr("checked");
    return "theme=" + theme + ", show_progress=" + progress;
  }

  private static WebElement option(WebDriver driver, String key) {
    return driver.findElement(By.cssSelector("#options [data-option='" + key + "'] [data-option]"));
  }

  private static WebElement position(WebDriver driver, String account) {
    return driver.findElement(By.cssSelector("#sources input[data-account='" + account + "']"));
  }

  private static WebElement row(WebDriver driver, String name) {
    return driver.findElements(By.cssSelector("#configuration-table tr.configuration")).stream()
        .filter(row -> row.findElement(By.className("name")).getText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + name));
  }
}
