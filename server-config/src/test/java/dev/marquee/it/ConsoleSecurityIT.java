package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.marquee.it.support.ConsoleClient;
import dev.marquee.it.support.ConsoleClient.Page;
import dev.marquee.it.support.ConsoleServer;
import dev.marquee.it.support.Parallel;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, sessions, throttling, CSRF and response headers of the console, against the uber jar
 * over HTTP, as a browser would send it.
 */
class ConsoleSecurityIT {

  private static ConsoleServer server;

  @BeforeAll
  static void start() {
    server = ConsoleServer.start("console-security");
    server.ensureSetUp();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyConsolePageNeedsASignIn() {
    for (String path : new String[] {"/", "/index.xhtml", "/organizations.xhtml", "/audit.xhtml"}) {
      assertShowsTheSignInForm(server.client().getRaw(path), path);
    }
    // What the probes and the screens use stays open.
    assertThat(server.client().getRaw("/health/ready").statusCode()).isEqualTo(200);
    assertThat(server.client().getRaw("/api/version").statusCode()).isEqualTo(200);
    // So does the icon browsers ask every site for, cached as it changes only with a release.
    for (String icon : new String[] {"/favicon.ico", "/favicon.svg"}) {
      HttpResponse<String> response = server.client().getRaw(icon);
      assertThat(response.statusCode()).as(icon).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("image/");
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void signInGivesANewSessionIdAndSignOutEndsTheSession() {
    ConsoleClient client = server.client();
    Page signIn = client.get("/sign-in.xhtml");
    String before = client.cookie("JSESSIONID").orElseThrow();

    Page home =
        client.submit(
            signIn,
            "sign-in",
            Map.of("username", ConsoleServer.ADMIN, "password", ConsoleServer.ADMIN_PASSWORD),
            "submit");

    assertThat(home.status()).isEqualTo(200);
    assertThat(home.uri().getPath()).isEqualTo("/index.xhtml");
    assertThat(home.text("#signed-in-as")).isEqualTo(ConsoleServer.ADMIN);
    String after = client.cookie("JSESSIONID").orElseThrow();
    assertThat(after).isNotEqualTo(before);

    Page signedOut = client.submit(home, "sign-out-form", Map.of(), "sign-out");
    assertThat(signedOut.uri().getPath()).isEqualTo("/sign-in.xhtml");
    assertShowsTheSignInForm(client.getRaw("/index.xhtml"), "/index.xhtml");
  }

  @Test
  void aWrongPasswordIsRefusedAndAudited() {
    ConsoleClient client = server.client();
    String name = ConsoleServer.unique("nobody");
    Page refused =
        client.submit(
            client.get("/sign-in.xhtml"),
            "sign-in",
            Map.of("username", name, "password", "not the password"),
            "submit");

    assertThat(refused.uri().getPath()).isEqualTo("/sign-in.xhtml");
    assertThat(refused.notices()).contains("Wrong username or password.");
    assertThat(refused.body()).doesNotContain("not the password");
    assertShowsTheSignInForm(client.getRaw("/index.xhtml"), "/index.xhtml");

    Page audit = server.signedInAdmin().get("/audit.xhtml");
    assertThat(audit.html().select("tr.audit-SIGN_IN_FAILED").text()).contains(name);
  }

  @Test
  void repeatedFailuresForOneAccountAreThrottledEvenWithTheRightPassword() {
    ConsoleClient admin = server.signedInAdmin();
    String username = ConsoleServer.unique("throttled");
    String password = "a long enough password";
    server.organizationAdmin(admin, ConsoleServer.FIRST_ORGANIZATION, username, password);

    for (int attempt = 0; attempt < 3; attempt++) {
      assertThat(signIn(username, "wrong password " + attempt).notices())
          .contains("Wrong username or password.");
    }
    Page refused = signIn(username, password);

    assertThat(refused.uri().getPath()).isEqualTo("/sign-in.xhtml");
    assertThat(refused.notices()).contains("Too many failed sign-ins");
    Page audit = admin.get("/audit.xhtml");
    assertThat(audit.html().select("tr.audit-SIGN_IN_THROTTLED").text()).contains(username);

    // The lock lasts for the window only, and the right password then works.
    await("the throttling window to pass")
        .atMost(ConsoleServer.THROTTLE_WINDOW.plusSeconds(20))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> signIn(username, password).uri().getPath().equals("/index.xhtml"));
  }

  @Test
  void manyFailuresFromOneAddressAreThrottledForEveryAccount() {
    for (int attempt = 0; attempt < 15; attempt++) {
      Page page = signIn(ConsoleServer.unique("guess"), "guessing " + attempt);
      if (page.notices().contains("Too many failed sign-ins")) {
        break;
      }
    }
    Page refused = signIn(ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD);
    assertThat(refused.notices()).contains("Too many failed sign-ins");
    assertThat(refused.uri().getPath()).isEqualTo("/sign-in.xhtml");

    await("the throttling window to pass")
        .atMost(ConsoleServer.THROTTLE_WINDOW.plusSeconds(20))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () ->
                signIn(ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD)
                    .uri()
                    .getPath()
                    .equals("/index.xhtml"));
  }

  @Test
  void parallelWrongPasswordsForOneAccountFromManyAddressesGetAtMostTheLimitEvaluated() {
    String username = ConsoleServer.unique("parallel");
    String password = "the right password";
    server.invite(networkAdminFrom(ConsoleServer.loopback(40)), FIRST, username, password);

    // 30 wrong passwords at once, each from an address of its own (127.0.0.100 to .129): only the
    // per-account limit (3 on test servers) can stop them.
    List<String> answers =
        signInsAtOnce(
            IntStream.range(0, 30)
                .mapToObj(i -> new Attempt(100 + i, username, "wrong password " + i))
                .toList());

    assertThat(answers).allMatch(answer -> answer.contains(WRONG) || answer.contains(THROTTLED));
    assertThat(answers).filteredOn(answer -> answer.contains(WRONG)).hasSize(ACCOUNT_LIMIT);
    // Throttled means not evaluated: the right password is refused too, from yet another address.
    Page right = signInFrom(ConsoleServer.loopback(99), username, password);
    assertThat(right.notices()).contains(THROTTLED);
    assertThat(right.uri().getPath()).isEqualTo("/sign-in.xhtml");
    Page audit = networkAdminFrom(ConsoleServer.loopback(40)).get("/audit.xhtml");
    assertThat(audit.html().select("tr.audit-SIGN_IN_FAILED").eachText())
        .filteredOn(row -> row.contains(username))
        .hasSize(ACCOUNT_LIMIT);
  }

  @Test
  void parallelWrongPasswordsFromOneAddressGetAtMostTheAddressLimitEvaluated() {
    // 30 different names at once from 127.0.0.98: only the per-address limit (15) can stop them.
    List<String> answers =
        signInsAtOnce(
            IntStream.range(0, 30)
                .mapToObj(i -> new Attempt(98, ConsoleServer.unique("guess"), "guess " + i))
                .toList());

    assertThat(answers).allMatch(answer -> answer.contains(WRONG) || answer.contains(THROTTLED));
    assertThat(answers).filteredOn(answer -> answer.contains(WRONG)).hasSize(ADDRESS_LIMIT);
    Page right =
        signInFrom(ConsoleServer.loopback(98), ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD);
    assertThat(right.notices()).contains(THROTTLED);
  }

  @Test
  void aFormPostWithoutAValidViewStateChangesNothing() {
    ConsoleClient admin = server.signedInAdmin();
    Page organizations = admin.get("/organizations.xhtml");
    String action = ConsoleClient.actionOf(organizations, "create-organization");

    String withoutState = ConsoleServer.unique("Forged without state");
    Map<String, String> fields =
        new HashMap<>(
            admin.formFields(
                organizations, "create-organization", Map.of("name", withoutState), "create"));
    fields.remove("jakarta.faces.ViewState");
    admin.post(action, fields);

    String forged = ConsoleServer.unique("Forged state");
    fields =
        new HashMap<>(
            admin.formFields(
                organizations, "create-organization", Map.of("name", forged), "create"));
    fields.put("jakarta.faces.ViewState", "123456789:987654321");
    Page expired = admin.post(action, fields);
    // Back on the same page, told what happened, nothing created.
    assertThat(expired.uri().getPath()).isEqualTo("/organizations.xhtml");
    assertThat(expired.notices()).contains("This page had expired, so nothing was changed.");

    // Another session's valid view state is worthless in this one.
    String crossSession = ConsoleServer.unique("Cross session");
    ConsoleClient other = server.signedInAdmin();
    Page otherPage = other.get("/organizations.xhtml");
    fields =
        new HashMap<>(
            admin.formFields(
                organizations, "create-organization", Map.of("name", crossSession), "create"));
    fields.put(
        "jakarta.faces.ViewState",
        otherPage.html().selectFirst("input[name=jakarta.faces.ViewState]").attr("value"));
    admin.post(action, fields);

    String listed = admin.get("/organizations.xhtml").text("#organizations");
    assertThat(listed).doesNotContain(withoutState).doesNotContain(forged);
    assertThat(listed).doesNotContain(crossSession);
  }

  @Test
  void consoleResponsesCarrySecurityHeaders() {
    HttpResponse<String> page = server.client().getRaw("/sign-in.xhtml");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .contains("form-action 'self' " + server.sandbox().baseUri());
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    // Served over plain HTTP on loopback: no HSTS, which browsers would ignore anyway.
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    // No inline script: the console's one script is a file of its own, which the policy allows.
    org.jsoup.select.Elements scripts = org.jsoup.Jsoup.parse(page.body()).select("script");
    assertThat(scripts).hasSize(1);
    assertThat(scripts.attr("src")).startsWith("/jakarta.faces.resource/js/console.js");
    assertThat(scripts.first().data()).isBlank();
  }

  @Test
  void anInviteLinkWorksOnceAndAForgedOneNever() {
    ConsoleClient admin = server.signedInAdmin();
    Page organizations = admin.get("/organizations.xhtml");
    String username = ConsoleServer.unique("invitee");
    Page invited =
        admin.submit(
            organizations,
            "invite",
            Map.of(
                "username",
                username,
                "organization",
                ConsoleServer.organizationId(admin, ConsoleServer.FIRST_ORGANIZATION)),
            "create-invite");
    String link = invited.text("#invite-link");
    String path = link.substring(link.indexOf("/invite.xhtml"));

    ConsoleClient newcomer = server.client();
    Page invite = newcomer.get(path);
    assertThat(invite.text("#invited-username")).isEqualTo(username);
    Page tooShort =
        newcomer.submit(invite, "invite", Map.of("password", "short", "repeat", "short"), "submit");
    assertThat(tooShort.notices()).contains("at least 12 characters");
    Page accepted =
        newcomer.submit(
            newcomer.get(path),
            "invite",
            Map.of("password", "first password ok", "repeat", "first password ok"),
            "submit");
    assertThat(accepted.uri().getPath()).isEqualTo("/sign-in.xhtml");

    Page replay = server.client().get(path);
    assertThat(replay.status()).isEqualTo(404);
    assertThat(replay.text("#invite-refused")).contains("unknown or was already used");
    Page forged = server.client().get("/invite.xhtml?token=" + "A".repeat(43));
    assertThat(forged.status()).isEqualTo(404);
    assertThat(forged.has("#invite")).isFalse();
    // The first password still works; the replay changed nothing.
    assertThat(signIn(username, "first password ok").uri().getPath()).isEqualTo("/index.xhtml");
  }

  @Test
  void invitingTheSameUsernameAgainReplacesTheLink() {
    ConsoleClient admin = server.signedInAdmin();
    String username = ConsoleServer.unique("reinvited");
    Map<String, String> invite =
        Map.of(
            "username",
            username,
            "organization",
            ConsoleServer.organizationId(admin, ConsoleServer.FIRST_ORGANIZATION));
    String lost =
        admin
            .submit(admin.get("/organizations.xhtml"), "invite", invite, "create-invite")
            .text("#invite-link");
    String replacement =
        admin
            .submit(admin.get("/organizations.xhtml"), "invite", invite, "create-invite")
            .text("#invite-link");
    assertThat(replacement).isNotEmpty().isNotEqualTo(lost);

    Page old = server.client().get(lost.substring(lost.indexOf("/invite.xhtml")));
    assertThat(old.status()).isEqualTo(404);
    Page current = server.client().get(replacement.substring(replacement.indexOf("/invite.xhtml")));
    assertThat(current.text("#invited-username")).isEqualTo(username);
  }

  @Test
  void setupIsClosedOnceAnAdminExists() {
    Page setup = server.client().get("/setup.xhtml");
    assertThat(setup.has("#setup-done")).isTrue();
    assertThat(setup.has("#setup")).isFalse();
  }

  private static final String WRONG = "Wrong username or password.";
  private static final String THROTTLED = "Too many failed sign-ins";
  private static final String FIRST = ConsoleServer.FIRST_ORGANIZATION;

  /** The limits test servers run with (see ConsoleServer). */
  private static final int ACCOUNT_LIMIT = 3;

  private static final int ADDRESS_LIMIT = 15;

  /** A sign-in from 127.0.0.{@code host}. */
  private record Attempt(int host, String username, String password) {}

  /**
   * Opens a sign-in form for each attempt from its address, then submits them all at once; the
   * messages each answer shows, in order.
   */
  private static List<String> signInsAtOnce(List<Attempt> attempts) {
    List<Callable<String>> submits = new ArrayList<>();
    for (Attempt attempt : attempts) {
      ConsoleClient client = server.clientFrom(ConsoleServer.loopback(attempt.host()));
      Page form = client.get("/sign-in.xhtml");
      submits.add(
          () ->
              client
                  .submit(
                      form,
                      "sign-in",
                      Map.of("username", attempt.username(), "password", attempt.password()),
                      "submit")
                  .describe());
    }
    return Parallel.all(submits);
  }

  private static Page signInFrom(InetAddress address, String username, String password) {
    ConsoleClient client = server.clientFrom(address);
    return client.submit(
        client.get("/sign-in.xhtml"),
        "sign-in",
        Map.of("username", username, "password", password),
        "submit");
  }

  private static ConsoleClient networkAdminFrom(InetAddress address) {
    return server.signedIn(
        server.clientFrom(address), ConsoleServer.ADMIN, ConsoleServer.ADMIN_PASSWORD);
  }

  private static Page signIn(String username, String password) {
    ConsoleClient client = server.client();
    return client.submit(
        client.get("/sign-in.xhtml"),
        "sign-in",
        Map.of("username", username, "password", password),
        "submit");
  }

  /**
   * A console page asked for without a session shows the sign-in form in its place (forwarded, not
   * redirected: a redirect would be built from the Host header) and nothing of the console.
   */
  private static void assertShowsTheSignInForm(HttpResponse<String> response, String path) {
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
    assertThat(response.body()).as(path).contains("id=\"sign-in\"").doesNotContain("signed-in-as");
  }
}
