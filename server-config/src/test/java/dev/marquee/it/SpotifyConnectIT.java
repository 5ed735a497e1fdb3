package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.it.support.ConsoleClient;
import dev.marquee.it.support.ConsoleClient.Page;
import dev.marquee.it.support.ConsoleServer;
import dev.marquee.sandbox.SpotifySandbox;
import dev.marquee.sandbox.faults.Fault;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connecting Spotify accounts through the console and the sandbox's consent flow, over HTTP: the
 * success path, every way the callback can fail (each shows its message and stores nothing), and a
 * search of every page and the log for the tokens and secret.
 */
class SpotifyConnectIT {

  private static ConsoleServer server;
  private static SpotifySandbox sandbox;
  private static ConsoleClient admin;
  private static String organizationId;

  @BeforeAll
  static void start() {
    server = ConsoleServer.start("spotify-connect");
    sandbox = server.sandbox();
    admin = server.signedInAdmin();
    server.ensureDefaultApp(admin);
    String organization = ConsoleServer.unique("Connect Gym");
    admin.submit(
        admin.get("/organizations.xhtml"),
        "create-organization",
        java.util.Map.of("name", organization),
        "create");
    organizationId = ConsoleServer.organizationId(admin, organization);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void connectsAnAccountAndConnectingItAgainUpdatesIt() {
    URI authorize = ConsoleServer.startConnect(admin, organizationId);
    assertThat(authorize.toString())
        .startsWith(sandbox.baseUri() + "/authorize?")
        .contains("code_challenge_method=S256")
        .contains("scope=user-read-currently-playing+user-read-playback-state");

    Page account = ConsoleServer.callback(admin, sandbox.approve(authorize, "demo-gym"));

    assertThat(account.uri().getPath()).isEqualTo("/account.xhtml");
    assertThat(account.text("#account-heading")).startsWith("Connected as ");
    assertThat(account.text("#account-status")).isEqualTo("Connected");
    assertThat(account.text("#spotify-user")).isEqualTo("demo-gym");
    String id = account.uri().getQuery();

    Page again =
        ConsoleServer.callback(
            admin, sandbox.approve(ConsoleServer.startConnect(admin, organizationId), "demo-gym"));
    assertThat(again.uri().getQuery()).isEqualTo(id);
    assertThat(ConsoleServer.accountNames(admin, organizationId)).hasSize(1);
  }

  @Test
  void aDeniedConsentStoresNothing() {
    Before before = before();
    Page page =
        ConsoleServer.callback(
            admin, sandbox.deny(ConsoleServer.startConnect(admin, organizationId)));
    assertFailedAndNothingStored(page, "access was not allowed", before);
  }

  @Test
  void aCallbackWithoutStateIsRefused() {
    Before before = before();
    Page page = admin.get("/spotify/callback?code=some-code");
    assertFailedAndNothingStored(page, "it has no state", before);
  }

  @Test
  void anUnknownStateIsRefused() {
    Before before = before();
    Page page = admin.get("/spotify/callback?code=some-code&state=" + UUID.randomUUID());
    assertFailedAndNothingStored(page, "unknown or was already used", before);
  }

  @Test
  void aReplayedCallbackIsRefused() {
    URI callback = sandbox.approve(ConsoleServer.startConnect(admin, organizationId), "demo-shop");
    assertThat(ConsoleServer.callback(admin, callback).text("#account-status"))
        .isEqualTo("Connected");
    Before before = before();

    Page replay = ConsoleServer.callback(admin, callback);

    assertFailedAndNothingStored(replay, "unknown or was already used", before);
  }

  @Test
  void aCallbackInAnotherSessionIsRefusedAndTheRightSessionCanStillFinish() {
    URI callback =
        sandbox.approve(ConsoleServer.startConnect(admin, organizationId), "demo-office");
    ConsoleClient otherSession = server.signedInAdmin();
    Before before = before();

    Page refused = ConsoleServer.callback(otherSession, callback);

    assertFailedAndNothingStored(refused, "another sign-in session", before);
    assertThat(ConsoleServer.callback(admin, callback).text("#account-status"))
        .isEqualTo("Connected");
  }

  @Test
  void aCodeSpotifyRejectsStoresNothing() {
    URI callback = sandbox.approve(ConsoleServer.startConnect(admin, organizationId), "demo-gym");
    String forged = callback.getRawQuery().replaceFirst("code=[^&]+", "code=forged-code");
    Before before = before();

    Page page = admin.get(callback.getRawPath() + "?" + forged);

    assertFailedAndNothingStored(page, "refused the authorization code", before);
  }

  @Test
  void aSpotifyOutageStoresNothing() {
    URI callback = sandbox.approve(ConsoleServer.startConnect(admin, organizationId), "demo-gym");
    Before before = before();
    sandbox.injectFault(Fault.serverError(503).onlyForEndpoint("token"));
    try {
      Page page = ConsoleServer.callback(admin, callback);
      assertFailedAndNothingStored(page, "Spotify is unavailable right now", before);
    } finally {
      sandbox.faults().clear();
    }
  }

  @Test
  void disconnectDeletesTheTokensAndIsAudited() {
    Page account =
        ConsoleServer.callback(
            admin, sandbox.approve(ConsoleServer.startConnect(admin, organizationId), "demo-shop"));
    Page disconnected = admin.submit(account, "disconnect", java.util.Map.of(), "confirm");
    assertThat(disconnected.text("#account-status")).isEqualTo("Disconnected");
    // One story, told by the status: no "Connected as", no token "valid until never".
    assertThat(disconnected.text("#account-heading")).endsWith(" is disconnected");
    assertThat(disconnected.text("#token-expiry")).isEqualTo("None: disconnected");
    assertThat(disconnected.has("#reconnect-before")).isFalse();
    assertThat(disconnected.html().select("#reconnect\\:start").attr("value"))
        .isEqualTo("Reconnect");
    assertThat(disconnected.notices()).contains("deleted its Spotify tokens");
    assertThat(admin.get("/audit.xhtml").html().select("tr.audit-SPOTIFY_DISCONNECTED"))
        .isNotEmpty();
  }

  @Test
  void noTokenOrSecretReachesAPageOrTheLog() {
    Page account =
        ConsoleServer.callback(
            admin, sandbox.approve(ConsoleServer.startConnect(admin, organizationId), "demo-gym"));
    String accountPath = account.uri().getPath() + "?" + account.uri().getQuery();
    Set<String> secrets = new java.util.HashSet<>(sandbox.issuedTokens());
    secrets.add(ConsoleServer.DEMO_CLIENT_SECRET);
    assertThat(secrets).hasSizeGreaterThan(2);

    for (String path :
        List.of(
            "/index.xhtml",
            "/accounts.xhtml?organization=" + organizationId,
            accountPath,
            "/spotify-apps.xhtml",
            "/organizations.xhtml",
            "/audit.xhtml")) {
      String html = admin.get(path).body();
      for (String secret : secrets) {
        assertThat(html).as(path).doesNotContain(secret);
      }
    }
    String log = server.marquee().log();
    for (String secret : secrets) {
      assertThat(log).doesNotContain(secret);
    }
  }

  @Test
  void theRedirectUriComesFromTheConfiguredPublicUrlNotTheHostHeader() {
    // Reached as "localhost", the console still names the configured 127.0.0.1 address.
    ConsoleClient viaLocalhost =
        new ConsoleClient(URI.create("http://localhost:" + server.marquee().port() + "/"));
    Page signIn = viaLocalhost.get("/sign-in.xhtml");
    Page home =
        viaLocalhost.submit(
            signIn,
            "sign-in",
            java.util.Map.of(
                "username", ConsoleServer.ADMIN, "password", ConsoleServer.ADMIN_PASSWORD),
            "submit");
    assertThat(home.uri().getPath()).isEqualTo("/index.xhtml");

    Page apps = viaLocalhost.get("/spotify-apps.xhtml");
    assertThat(apps.text("#redirect-uri"))
        .isEqualTo("http://127.0.0.1:" + server.marquee().port() + "/spotify/callback");
    // ...and warns that Connect cannot finish at this address, linking to the page at the right
    // one.
    assertThat(apps.text("#other-address")).contains("another address than Marquee's public URL");
    assertThat(apps.html().select("#other-address-link").attr("href"))
        .isEqualTo("http://127.0.0.1:" + server.marquee().port() + "/spotify-apps.xhtml");
    assertThat(admin.get("/spotify-apps.xhtml").has("#other-address")).isFalse();
  }

  @Test
  void wrongAppCredentialsFailTheTestInWordsAndTheSecretIsNeverShown() {
    String organization = ConsoleServer.unique("Own App Shop");
    admin.submit(
        admin.get("/organizations.xhtml"),
        "create-organization",
        java.util.Map.of("name", organization),
        "create");
    String wrongSecret = "not-the-secret-" + UUID.randomUUID();
    Page apps = admin.get("/spotify-apps.xhtml");
    Page saved =
        admin.submit(
            apps,
            "organization-app",
            java.util.Map.of(
                "organization",
                ConsoleServer.organizationId(admin, organization),
                "client-id",
                ConsoleServer.DEMO_CLIENT_ID,
                "client-secret",
                wrongSecret,
                "user-limit",
                "5"),
            "save");
    assertThat(saved.notices()).contains("Saved the organization's Spotify app");
    assertThat(saved.body()).doesNotContain(wrongSecret);

    org.jsoup.nodes.Element row =
        saved.html().select("#app-table tr.app").stream()
            .filter(tr -> tr.text().contains(organization))
            .findFirst()
            .orElseThrow();
    java.util.Map<String, String> fields =
        new java.util.HashMap<>(admin.formFields(saved, "apps", java.util.Map.of(), "none"));
    fields.remove("apps:none");
    fields.put(row.selectFirst("input.test-credentials").attr("name"), "Test credentials");
    Page tested = admin.post(ConsoleClient.actionOf(saved, "apps"), fields);

    assertThat(tested.html().select("#notices .problem").text()).isNotBlank();
    assertThat(tested.body()).doesNotContain(wrongSecret);
    assertThat(server.marquee().log()).doesNotContain(wrongSecret);
  }

  @Test
  void theAppsPageCountsAnAppsAccountsAndWarnsAtItsLimit() {
    String name = ConsoleServer.unique("Limited Shop");
    ConsoleClient.Page organizations = admin.get("/organizations.xhtml");
    admin.submit(organizations, "create-organization", java.util.Map.of("name", name), "create");
    String limited = ConsoleServer.organizationId(admin, name);
    ConsoleClient.Page saved =
        admin.submit(
            admin.get("/spotify-apps.xhtml"),
            "organization-app",
            java.util.Map.of(
                "organization",
                limited,
                "client-id",
                ConsoleServer.DEMO_CLIENT_ID,
                "client-secret",
                ConsoleServer.DEMO_CLIENT_SECRET,
                "user-limit",
                "1"),
            "save");
    assertThat(saved.notices()).contains("Saved the organization's Spotify app");
    assertThat(appRow(saved, name).selectFirst(".usage").text()).isEqualTo("0 of 1");
    assertThat(appRow(saved, name).select(".limit-warning")).isEmpty();

    ConsoleServer.callback(
        admin, sandbox.approve(ConsoleServer.startConnect(admin, limited), "demo-shop"));

    org.jsoup.nodes.Element row = appRow(admin.get("/spotify-apps.xhtml"), name);
    assertThat(row.selectFirst(".usage").text()).isEqualTo("1 of 1");
    assertThat(row.select(".limit-warning").text()).startsWith("At the limit");
  }

  private static org.jsoup.nodes.Element appRow(ConsoleClient.Page apps, String organization) {
    return apps.html().select("#app-table tr.app").stream()
        .filter(tr -> tr.text().contains(organization))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no app row for " + organization));
  }

  /** What a failure must leave as it was, and the failed connects audited so far. */
  private record Before(List<String> accounts, int failedConnects) {}

  private static Before before() {
    return new Before(ConsoleServer.accountNames(admin, organizationId), failedConnects().size());
  }

  private static org.jsoup.select.Elements failedConnects() {
    return admin.get("/audit.xhtml").html().select("tr.audit-SPOTIFY_CONNECT_FAILED");
  }

  private static void assertFailedAndNothingStored(Page page, String words, Before before) {
    assertThat(page.uri().getPath()).isEqualTo("/accounts.xhtml");
    assertThat(page.html().select("#notices .problem").text()).contains(words);
    assertThat(ConsoleServer.accountNames(admin, organizationId)).isEqualTo(before.accounts());
    // Exactly one more failed connect is audited, and it names this failure.
    org.jsoup.select.Elements audited = failedConnects();
    assertThat(audited).hasSize(before.failedConnects() + 1);
    assertThat(audited.eachText()).anySatisfy(row -> assertThat(row).contains(words));
  }
}
