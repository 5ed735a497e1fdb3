package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.it.support.Browser;
import dev.marquee.it.support.ConsoleClient;
import dev.marquee.it.support.ConsoleServer;
import dev.marquee.it.support.ScreensConsole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
  private static String foreignAccount;

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
    try (Browser browser = Browser.open(1280, 800)) {
      ChromeDriver driver = browser.driver();
      WebDriverWait wait = Browser.waitOn(driver);
      browser.signIn(
          server.uri("/sign-in.xhtml"), ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD);
      driver.get(server.uri("/widgets.xhtml").toString());

      assertThat(
              driver.findElements(By.cssSelector("#options .option")).stream()
                  .map(option -> option.getAttribute("data-option")))
          .containsExactly("theme", "show_progress", "animation", "idle");
      // Labels from the schema, never the stored values.
      Select theme = new Select(option(driver, "theme"));
      assertThat(theme.getOptions())
          .extracting(WebElement::getText)
          .containsExactly("Dark", "Light", "Green gradient");
      assertThat(theme.getFirstSelectedOption().getText()).isEqualTo("Green gradient");
      assertThat(option(driver, "show_progress").isSelected()).isTrue();
      assertThat(new Select(option(driver, "idle")).getOptions())
          .extracting(WebElement::getText)
          .containsExactly("A placeholder", "The last track, dimmed", "A clock", "An empty screen");
      assertThat(layoutProblems(driver)).isEmpty();
      assertThat(driver.findElements(By.id("preview-placeholder"))).hasSize(1);

      driver.findElement(By.id("widget:name")).sendKeys(name);
      theme.selectByVisibleText("Dark");
      driver.findElement(By.cssSelector("label[for='widget:option:1:flag']")).click();
      assertThat(option(driver, "show_progress").isSelected()).isFalse();
      // Added in list order, then the second moved up with its arrow: no numbers to type.
      press(driver, "add", accounts.get(0));
      wait.until(d -> shown(d).equals(List.of(accounts.get(0))));
      press(driver, "add", accounts.get(1));
      wait.until(d -> shown(d).equals(accounts));
      press(driver, "up", accounts.get(1));
      wait.until(d -> shown(d).equals(List.of(accounts.get(1), accounts.get(0))));
      // The moved account keeps the keyboard: its up arrow is spent, so its down arrow has focus.
      assertThat(driver.switchTo().activeElement().getAttribute("aria-label"))
          .isEqualTo("Move " + accounts.get(1) + " down");
      assertThat(button(driver, "up", accounts.get(1)).isEnabled()).isFalse();
      assertThat(button(driver, "down", accounts.get(0)).isEnabled()).isFalse();
      // The Ajax redraw kept what was chosen above it.
      assertThat(new Select(option(driver, "theme")).getFirstSelectedOption().getText())
          .isEqualTo("Dark");
      assertThat(layoutProblems(driver)).isEmpty();

      driver.findElement(By.id("widget:save")).click();
      // Created: the page stays on the new configuration, with its live preview beside the form.
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "Saved"));
      wait.until(ExpectedConditions.textToBe(By.id("form-heading"), "Change the configuration"));
      assertThat(driver.getCurrentUrl()).contains("/widgets.xhtml?id=");
      // While a configuration is open the list is folded to one line above the form.
      assertThat(driver.findElement(By.id("list")).getAttribute("open")).isNull();
      assertThat(row(driver, name).findElement(By.className("sources")).getText())
          .isEqualTo(accounts.get(1) + ", " + accounts.get(0));
      assertThat(shown(driver)).containsExactly(accounts.get(1), accounts.get(0));
      Rectangle form = driver.findElement(By.id("widget")).getRect();
      Rectangle preview = driver.findElement(By.id("preview")).getRect();
      assertThat(preview.getX()).isGreaterThanOrEqualTo(form.getX() + form.getWidth());
      assertThat(preview.getY()).isLessThan(form.getY() + form.getHeight());
      assertThat(previewTheme(driver, wait, "dark")).isEqualTo("dark");
      assertThat(layoutProblems(driver)).isEmpty();

      // Tried on without saving: the preview follows the form within its next poll.
      new Select(option(driver, "theme")).selectByVisibleText("Light");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-note")));
      assertThat(previewTheme(driver, wait, "light")).isEqualTo("light");
      assertThat(stored("/widgets.xhtml?id=" + idOf(name))).startsWith("theme=dark");
      driver.executeScript("document.getElementById('form-heading').scrollIntoView()");
      browser.screenshot("console-widget-form");

      driver.findElement(By.id("widget:save")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "Saved"));
      assertThat(stored("/widgets.xhtml?id=" + idOf(name))).startsWith("theme=light");
      assertThat(new Select(option(driver, "theme")).getFirstSelectedOption().getText())
          .isEqualTo("Light");
      assertThat(previewTheme(driver, wait, "light")).isEqualTo("light");
      assertThat(configurationNames()).containsOnlyOnce(name);
      assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));

      row(driver, name).findElement(By.className("delete")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "Deleted"));
      assertThat(configurationNames()).doesNotContain(name);
    }
  }

  @Test
  void onAPhoneTheFormFitsTheScreenAndThePreviewFollowsIt() {
    String name = ConsoleServer.unique("Phone");
    ConsoleClient.Page form = admin.get("/widgets.xhtml?organization=" + organizationId);
    save(Map.of("name", name, "order", ScreensConsole.order(form, Map.of(0, 1))));
    List<String> accounts = ConsoleServer.accountNames(admin, organizationId);
    try (Browser browser = Browser.open(390, 844)) {
      ChromeDriver driver = browser.driver();
      WebDriverWait wait = Browser.waitOn(driver);
      browser.signIn(
          server.uri("/sign-in.xhtml"), ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD);
      driver.get(server.uri("/widgets.xhtml?id=" + idOf(name)).toString());
      assertThat(layoutProblems(driver)).isEmpty();

      press(driver, "add", accounts.get(1));
      wait.until(d -> shown(d).equals(accounts));
      press(driver, "down", accounts.get(0));
      wait.until(d -> shown(d).equals(List.of(accounts.get(1), accounts.get(0))));
      assertThat(layoutProblems(driver)).isEmpty();
      // One column: the preview under the form, as wide as the screen allows.
      Rectangle formBox = driver.findElement(By.id("widget")).getRect();
      Rectangle preview = driver.findElement(By.id("preview")).getRect();
      assertThat(preview.getY()).isGreaterThanOrEqualTo(formBox.getY() + formBox.getHeight());
      assertThat(preview.getX() + preview.getWidth()).isLessThanOrEqualTo(390);
      assertThat(previewTheme(driver, wait, "gradient")).isEqualTo("gradient");
      browser.screenshot("console-widget-form-phone");
    } finally {
      delete(name);
    }
  }

  @Test
  void refusedInputShowsItsReasonAndSavesNothing() {
    String name = ConsoleServer.unique("Refused");
    ConsoleClient.Page form = admin.get("/widgets.xhtml?organization=" + organizationId);
    String first = ScreensConsole.order(form, Map.of(0, 1));
    String second = ScreensConsole.order(form, Map.of(1, 1));
    assertRefused(Map.of("name", name), "Choose at least one Spotify account");
    assertRefused(Map.of("name", "", "order", first), "Give the configuration a name");
    assertRefused(
        Map.of("name", name, "order", first + ",1"),
        "The order of the accounts is not a list of accounts.");
    assertRefused(
        Map.of("name", name, "order", first + "," + first),
        ConsoleServer.accountNames(admin, organizationId).get(0) + " is shown already.");
    assertRefused(
        Map.of("name", name, "order", second + "," + UUID.randomUUID()),
        "That is not one of this organization's Spotify accounts.");
    assertRefused(
        Map.of("name", name, "order", first + "," + foreignAccount()),
        "That is not one of this organization's Spotify accounts.");
    // A forged choice never reaches the schema: Faces refuses a value the menu did not offer.
    assertRefused(
        Map.of("name", name, "order", first, "option:0:choice", "neon"), "Theme: Validation Error");

    ConsoleClient.Page saved = save(Map.of("name", name, "order", first));
    assertThat(saved.notices()).contains("Saved " + name);
    // Saving stays on the configuration: its form, its preview.
    assertThat(saved.uri().toString()).contains("/widgets.xhtml?id=" + idOf(name));
    assertThat(saved.text("#form-heading")).isEqualTo("Change the configuration");
    assertThat(saved.has("iframe#preview")).isTrue();
    ConsoleClient.Page twice = save(Map.of("name", name, "order", first));
    assertThat(twice.notices()).contains("already has a widget configuration named");
    assertThat(configurationNames()).containsOnlyOnce(name);
    delete(name);
  }

  @Test
  void aTamperedReorderChangesNothing() {
    String name = ConsoleServer.unique("Reorder");
    ConsoleClient.Page form = admin.get("/widgets.xhtml?organization=" + organizationId);
    save(Map.of("name", name, "order", ScreensConsole.order(form, Map.of(0, 1, 1, 2))));
    String edit = "/widgets.xhtml?id=" + idOf(name);
    try {
      ConsoleClient.Page page = admin.get(edit);
      List<String> before =
          page.html().select("#sources li.source:not(.other)").eachAttr("data-account");
      // The first account's up arrow is disabled: pressing it anyway (a forged post) moves nothing.
      assertThat(page.html().select("input[name='widget:shown:0:up']").hasAttr("disabled"))
          .isTrue();
      ConsoleClient.Page up = admin.submit(page, "widget", Map.of(), "shown:0:up");
      assertThat(up.html().select("#sources li.source:not(.other)").eachAttr("data-account"))
          .isEqualTo(before);
      ConsoleClient.Page down = admin.submit(page, "widget", Map.of(), "shown:1:down");
      assertThat(down.html().select("#sources li.source:not(.other)").eachAttr("data-account"))
          .isEqualTo(before);
      // A forged order naming another organization's account is refused before anything moves.
      ConsoleClient.Page foreign =
          admin.submit(page, "widget", Map.of("order", foreignAccount()), "shown:1:up");
      assertThat(foreign.notices())
          .contains("That is not one of this organization's Spotify accounts.");
      assertThat(foreign.html().select("#sources li.source:not(.other)").eachAttr("data-account"))
          .isEqualTo(before);
      assertThat(sourcesOf(name)).isEqualTo(String.join(", ", before));
    } finally {
      delete(name);
    }
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
              .contains(
                  "Theme: choose one of Dark, Light, Green gradient; an empty choice is not one.")
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
    ConsoleClient.Page form = admin.get("/widgets.xhtml?organization=" + organizationId);
    ConsoleClient.Page saved =
        save(
            Map.of(
                "name",
                name,
                "order",
                ScreensConsole.order(form, Map.of(0, 1)),
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
    ConsoleClient.Page form = admin.get("/widgets.xhtml?organization=" + organizationId);
    save(Map.of("name", name, "order", ScreensConsole.order(form, Map.of(0, 1))));
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
    assertThat(refused.notices()).as(refused::describe).contains(reason);
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

  private static WebElement button(WebDriver driver, String kind, String account) {
    return driver.findElement(
        By.cssSelector("#sources li[data-account='" + account + "'] input.move." + kind));
  }

  private static void press(WebDriver driver, String kind, String account) {
    button(driver, kind, account).click();
  }

  /** The accounts the form shows, first tried first. */
  private static List<String> shown(WebDriver driver) {
    return driver.findElements(By.cssSelector("#shown li.source")).stream()
        .map(li -> li.getAttribute("data-account"))
        .toList();
  }

  /** The theme the framed player shows, once it shows the expected one (else the wait fails). */
  private static String previewTheme(ChromeDriver driver, WebDriverWait wait, String expected) {
    WebElement frame = driver.findElement(By.id("preview"));
    driver.switchTo().frame(frame);
    try {
      wait.until(d -> expected.equals(driver.executeScript("return document.body.dataset.theme")));
      return (String) driver.executeScript("return document.body.dataset.theme");
    } finally {
      driver.switchTo().defaultContent();
    }
  }

  /**
   * What is wrong with the form's layout, measured by Chromium: the page scrolls sideways, a
   * field's label, control and hint overlap or leave the screen, a hint is not under its control or
   * not the control's description, an account row or its buttons leave the screen.
   */
  @SuppressWarnings("unchecked")
  private static List<String> layoutProblems(ChromeDriver driver) {
    return (List<String>)
        driver.executeScript(
            """
            const problems = [];
            const page = document.documentElement;
            const width = page.clientWidth;
            if (page.scrollWidth > width) {
              problems.push('scrolls sideways: ' + page.scrollWidth + ' > ' + width);
            }
            const box = (e) => e.getBoundingClientRect();
            const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
                && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            for (const field of document.querySelectorAll('#widget .field')) {
              const label = field.querySelector('label');
              const control = field.querySelector('input:not([type=hidden]), select');
              const hint = field.querySelector('.hint');
              const what = field.dataset.option || control.id;
              if (!label || !control || !hint) {
                problems.push(what + ': a label, a control and a hint expected');
                continue;
              }
              if (overlap(box(label), box(control))) problems.push(what + ': label over control');
              if (overlap(box(label), box(hint))) problems.push(what + ': label over hint');
              if (overlap(box(control), box(hint))) problems.push(what + ': control over hint');
              if (box(hint).top < box(control).bottom - 0.5) problems.push(what + ': hint not under');
              if (control.getAttribute('aria-describedby') !== hint.id) {
                problems.push(what + ': not described by its hint');
              }
              for (const e of [label, control, hint]) {
                if (box(e).right > width + 0.5 || box(e).left < -0.5) {
                  problems.push(what + ': off the screen');
                }
              }
            }
            for (const row of document.querySelectorAll('#sources li.source')) {
              for (const e of [row, ...row.querySelectorAll('input')]) {
                if (box(e).right > width + 0.5) problems.push(row.dataset.account + ': off the screen');
              }
            }
            return problems;
            """);
  }

  /** An account of another organization, connected for this test. */
  private static String foreignAccount() {
    if (foreignAccount == null) {
      String other = ConsoleServer.unique("Elsewhere");
      server.organizationAdmin(
          admin, other, ConsoleServer.unique("elsewhere"), "elsewhere organization password 1");
      String otherId = ConsoleServer.organizationId(admin, other);
      ConsoleServer.callback(
          admin,
          server.sandbox().approve(ConsoleServer.startConnect(admin, otherId), "demo-office"));
      foreignAccount =
          admin
              .get("/widgets.xhtml?organization=" + otherId)
              .html()
              .select("#sources li[data-account-id]")
              .first()
              .attr("data-account-id");
    }
    return foreignAccount;
  }

  private static String sourcesOf(String name) {
    return admin
        .get("/widgets.xhtml?organization=" + organizationId)
        .html()
        .select("#configuration-table tr.configuration")
        .stream()
        .filter(row -> row.select("td.name").text().equals(name))
        .findFirst()
        .orElseThrow()
        .select("td.sources")
        .text();
  }

  /** A row of the list, which folds while a configuration is open: unfolded first. */
  private static WebElement row(WebDriver driver, String name) {
    if (driver.findElement(By.id("list")).getAttribute("open") == null) {
      driver.findElement(By.cssSelector("#list summary")).click();
    }
    return driver.findElements(By.cssSelector("#configuration-table tr.configuration")).stream()
        .filter(row -> row.findElement(By.className("name")).getText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + name));
  }
}
