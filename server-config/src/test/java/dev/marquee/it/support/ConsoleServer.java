package dev.marquee.it.support;

import static org.awaitility.Awaitility.await;

import dev.marquee.sandbox.SpotifySandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marquee (the uber jar) with a Spotify sandbox of its own, on a fresh database, as the console
 * tests use it: one per test class, started in {@code @BeforeAll} and closed in {@code @AfterAll}.
 * Never two at once: Payara Micro instances started side by side on one machine lost their HTTP
 * listener in our runs.
 */
public final class ConsoleServer implements AutoCloseable {

  /** The admin first-run setup creates on a shared server. */
  public static final String ADMIN = "network-admin";

  public static final String ADMIN_PASSWORD = "correct horse battery staple";

  public static final String FIRST_ORGANIZATION = "Marquee HQ";

  /** How long failed sign-ins count on test servers. */
  public static final Duration THROTTLE_WINDOW = Duration.ofSeconds(20);

  private static final Pattern SETUP_CODE =
      Pattern.compile("setup code ([A-Z2-9]{4}(?:-[A-Z2-9]{4}){4})");

  private final MarqueeProcess marquee;
  private final SpotifySandbox sandbox;
  private boolean setUp;
  private boolean defaultAppSet;

  public static final String DEMO_CLIENT_ID = "marquee-demo";

  public static final String DEMO_CLIENT_SECRET = "marquee-demo-secret";

  private ConsoleServer(MarqueeProcess marquee, SpotifySandbox sandbox) {
    this.marquee = marquee;
    this.sandbox = sandbox;
  }

  /** A server on an empty database of the given name. */
  public static ConsoleServer start(String name) {
    return start(name, Map.of());
  }

  /** A server on an empty database of the given name, with more settings (environment names). */
  public static ConsoleServer start(String name, Map<String, String> settings) {
    try {
      SpotifySandbox sandbox =
          SpotifySandbox.builder()
              .port(0)
              .demo(true)
              // A loopback redirect registered without a port accepts any port.
              .demoRedirectUris(List.of(URI.create("http://127.0.0.1/spotify/callback")))
              .build()
              .start();
      TestDatabase database = TestDatabase.fresh(name);
      int port = FreePort.pick();
      MarqueeProcess marquee =
          MarqueeProcess.uberJar(
              name,
              MarqueeProcess.environment(
                  database,
                  withSettings(
                      settings,
                      "MARQUEE_SPOTIFY_ACCOUNTS_URL",
                      sandbox.baseUri().toString(),
                      "MARQUEE_SPOTIFY_API_URL",
                      sandbox.baseUri() + "/v1",
                      "MARQUEE_PUBLIC_URL",
                      "http://127.0.0.1:" + port,
                      // Small limits and a short window keep the throttling tests quick.
                      "MARQUEE_SIGNIN_MAX_FAILURES_PER_ACCOUNT",
                      "3",
                      "MARQUEE_SIGNIN_MAX_FAILURES_PER_ADDRESS",
                      "15",
                      "MARQUEE_SIGNIN_THROTTLE_WINDOW",
                      THROTTLE_WINDOW.toString())),
              port);
      try {
        marquee.start().awaitReady();
      } catch (RuntimeException | Error e) {
        // A server that never became ready must not outlive its test class and hold ports.
        marquee.stop();
        sandbox.close();
        throw e;
      }
      return new ConsoleServer(marquee, sandbox);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixed settings of every test server, then the test's own, which win. */
  private static Map<String, String> withSettings(Map<String, String> settings, String... pairs) {
    Map<String, String> all = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      all.put(pairs[i], pairs[i + 1]);
    }
    all.putAll(settings);
    return all;
  }

  public MarqueeProcess marquee() {
    return marquee;
  }

  public SpotifySandbox sandbox() {
    return sandbox;
  }

  public URI uri(String path) {
    return marquee.uri(path);
  }

  public ConsoleClient client() {
    return new ConsoleClient(marquee.uri("/"));
  }

  /** A fresh session whose requests come from another client address (see {@link #loopback}). */
  public ConsoleClient clientFrom(InetAddress address) {
    return new ConsoleClient(marquee.uri("/"), address);
  }

  /**
   * The loopback address 127.0.0.{@code n}, as a client address of its own: throttles per address
   * count it apart from 127.0.0.1, where the other tests come from.
   */
  public static InetAddress loopback(int n) {
    if (n < 2 || n > 254) {
      throw new IllegalArgumentException("not a spare loopback host: " + n);
    }
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) n});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The setup code the server printed, once it has printed one. */
  public String setupCode() {
    return await("the setup code in the server log")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Matcher matcher = SETUP_CODE.matcher(marquee.log());
              return matcher.find() ? matcher.group(1) : null;
            },
            code -> code != null);
  }

  /**
   * Makes sure first-run setup is done (network admin {@link #ADMIN}, organization {@link
   * #FIRST_ORGANIZATION}), through the setup page.
   */
  public synchronized void ensureSetUp() {
    if (setUp) {
      return;
    }
    ConsoleClient client = client();
    ConsoleClient.Page setup = client.get("/setup.xhtml");
    ConsoleClient.Page done =
        client.submit(
            setup,
            "setup",
            Map.of(
                "code", setupCode(),
                "organization", FIRST_ORGANIZATION,
                "username", ADMIN,
                "password", ADMIN_PASSWORD,
                "repeat", ADMIN_PASSWORD),
            "submit");
    // Setup signs the new admin in and opens the Overview.
    if (!done.uri().getPath().endsWith("/index.xhtml")) {
      throw new AssertionError("Setup failed: " + done.notices() + "\n" + done.body());
    }
    setUp = true;
  }

  /** A client signed in as the network admin. */
  public ConsoleClient signedInAdmin() {
    ensureSetUp();
    return signedIn(ADMIN, ADMIN_PASSWORD);
  }

  /** A client signed in with the given credentials; fails when sign-in does. */
  public ConsoleClient signedIn(String username, String password) {
    return signedIn(client(), username, password);
  }

  /** Signs a fresh client in; fails when sign-in does. */
  public ConsoleClient signedIn(ConsoleClient client, String username, String password) {
    ConsoleClient.Page page =
        client.submit(
            client.get("/sign-in.xhtml"),
            "sign-in",
            Map.of("username", username, "password", password),
            "submit");
    if (page.uri().getPath().endsWith("/sign-in.xhtml")) {
      throw new AssertionError("Sign-in failed for " + username + ": " + page.notices());
    }
    return client;
  }

  /**
   * Creates an organization admin through the console: the network admin invites, the new admin
   * sets a password through the link. Returns the new admin's signed-in client.
   */
  public ConsoleClient organizationAdmin(
      ConsoleClient networkAdmin, String organizationName, String username, String password) {
    invite(networkAdmin, organizationName, username, password);
    return signedIn(username, password);
  }

  /**
   * Creates an organization admin through the console as {@link #organizationAdmin} does, without
   * signing the new admin in.
   */
  public void invite(
      ConsoleClient networkAdmin, String organizationName, String username, String password) {
    ConsoleClient.Page organizations = networkAdmin.get("/organizations.xhtml");
    if (!organizations.body().contains(">" + organizationName + "<")) {
      organizations =
          networkAdmin.submit(
              organizations, "create-organization", Map.of("name", organizationName), "create");
    }
    String organizationId =
        organizations.html().select("#invite\\:organization option").stream()
            .filter(option -> option.text().equals(organizationName))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no organization " + organizationName))
            .attr("value");
    ConsoleClient.Page invited =
        networkAdmin.submit(
            organizations,
            "invite",
            Map.of("username", username, "organization", organizationId),
            "create-invite");
    String link = invited.text("#invite-link");
    if (link.isEmpty()) {
      throw new AssertionError("No invite link: " + invited.notices());
    }
    ConsoleClient newcomer = client();
    ConsoleClient.Page accepted =
        newcomer.submit(
            newcomer.get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery()),
            "invite",
            Map.of("password", password, "repeat", password),
            "submit");
    if (!accepted.uri().getPath().endsWith("/sign-in.xhtml")) {
      throw new AssertionError("Invite not accepted: " + accepted.notices());
    }
  }

  /** The id of an organization as the network admin's organizations page lists it. */
  public static String organizationId(ConsoleClient networkAdmin, String organizationName) {
    return networkAdmin
        .get("/organizations.xhtml")
        .html()
        .select("#invite\\:organization option")
        .stream()
        .filter(option -> option.text().equals(organizationName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no organization " + organizationName))
        .attr("value");
  }

  /** Makes the sandbox's demo app the network's default Spotify app (once per server). */
  public synchronized void ensureDefaultApp(ConsoleClient networkAdmin) {
    if (defaultAppSet) {
      return;
    }
    ConsoleClient.Page apps = networkAdmin.get("/spotify-apps.xhtml");
    ConsoleClient.Page saved =
        networkAdmin.submit(
            apps,
            "default-app",
            Map.of(
                "client-id",
                DEMO_CLIENT_ID,
                "client-secret",
                DEMO_CLIENT_SECRET,
                "user-limit",
                "5"),
            "save");
    if (!saved.notices().contains("Saved the default Spotify app")) {
      throw new AssertionError("Default app not saved: " + saved.notices());
    }
    defaultAppSet = true;
  }

  /**
   * Presses Connect on an organization's accounts page and returns Spotify's (the sandbox's)
   * authorize URL the console sent the browser to.
   */
  public static URI startConnect(ConsoleClient client, String organizationId) {
    ConsoleClient.Page accounts =
        client.get(
            "/accounts.xhtml" + (organizationId == null ? "" : "?organization=" + organizationId));
    ConsoleClient.Page away = client.submit(accounts, "connect", Map.of(), "start");
    if (away.status() != 302) {
      throw new AssertionError("Connect did not leave the console: " + away.notices());
    }
    return away.uri();
  }

  /** Follows the sandbox's redirect back to the console's callback in the client's session. */
  public static ConsoleClient.Page callback(ConsoleClient client, URI callback) {
    return client.get(callback.getRawPath() + "?" + callback.getRawQuery());
  }

  /** The names of the Spotify accounts an organization's accounts page lists. */
  public static java.util.List<String> accountNames(ConsoleClient client, String organizationId) {
    return client
        .get("/accounts.xhtml?organization=" + organizationId)
        .html()
        .select("#accounts tr.account td:first-child")
        .eachText();
  }

  /** A fresh name, so tests sharing a server do not collide. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void close() {
    marquee.stop();
    sandbox.close();
  }
}
