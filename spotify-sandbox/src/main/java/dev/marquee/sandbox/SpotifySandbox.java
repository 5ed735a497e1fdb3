package dev.marquee.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marquee.sandbox.accounts.Accounts;
import dev.marquee.sandbox.accounts.AuthorizationPageException;
import dev.marquee.sandbox.accounts.ClientApp;
import dev.marquee.sandbox.control.ControlApiHandler;
import dev.marquee.sandbox.faults.Fault;
import dev.marquee.sandbox.faults.FaultInjector;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.http.ReplyingHandler;
import dev.marquee.sandbox.images.ImageHandler;
import dev.marquee.sandbox.playback.Player;
import dev.marquee.sandbox.state.StateDocument;
import dev.marquee.sandbox.state.StateFile;
import dev.marquee.sandbox.state.StateFileException;
import dev.marquee.sandbox.users.SandboxAccount;
import dev.marquee.sandbox.users.SandboxUser;
import dev.marquee.sandbox.users.UserDirectory;
import dev.marquee.sandbox.webapi.RollingWindowRateLimiter;
import dev.marquee.sandbox.webapi.SpotifyObjects;
import dev.marquee.sandbox.webapi.WebApiHandler;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Spotify's accounts service and Web API, served from one base URL: {@code
 * /authorize} and {@code /api/token} (accounts), {@code /v1/...} (Web API), {@code /images/...}
 * (cover art) and {@code /sandbox/...} (control API for tests).
 *
 * <p>It behaves like Spotify as documented (PKCE, token lifetimes, error shapes, 204s, rate
 * limits), with scripted playback and fault injection, so a client that passes against it works
 * against the real service. Start it on port 0 in tests:
 *
 * <pre>{@code
 * try (SpotifySandbox sandbox = SpotifySandbox.builder().clock(clock).demo(true).build()) {
 *   sandbox.start();
 *   URI base = sandbox.baseUri();
 * }
 * }</pre>
 *
 * <p>Thread-safe: the HTTP server answers concurrent pollers, and tests may drive playback, faults
 * and the clock from their own thread meanwhile.
 */
public final class SpotifySandbox implements AutoCloseable {

  /** The demo app registered in demo mode. */
  public static final String DEMO_CLIENT_ID = "marquee-demo";

  /** Not a secret: it only opens this local sandbox. */
  public static final String DEMO_CLIENT_SECRET = "marquee-demo-secret";

  /** Marquee's default callback, always registered for the demo app. */
  public static final URI DEMO_REDIRECT_URI = URI.create("http://127.0.0.1:8080/spotify/callback");

  private final Builder options;
  private final Clock clock;
  private final UserDirectory users;
  private final CallCounters counters;
  private final FaultInjector faults = new FaultInjector();
  private final CallGate gate;
  private final Accounts accounts;
  private final RollingWindowRateLimiter rateLimiter;

  /** Null without a state file. */
  private final StatePersistence persistence;

  private HttpServer server;
  private ExecutorService executor;
  private volatile URI baseUri;

  // Set by the first start(): what the command line or test set up is configuration, recreated
  // every run, so only what was added at runtime goes to the state file.
  private volatile Set<String> configuredApps = Set.of();
  private volatile Set<String> configuredUsers = Set.of();
  private boolean stateRestored;
  private volatile String stateSummary;
  private volatile String stateWarning;

  private SpotifySandbox(Builder options) {
    this.options = options;
    this.clock = options.clock;
    this.counters = new CallCounters(clock);
    this.gate = new CallGate(counters, faults);
    this.users = new UserDirectory(clock);
    this.accounts =
        new Accounts(clock, users, options.accessTokenLifetime, options.rotateRefreshTokens, gate);
    this.rateLimiter = new RollingWindowRateLimiter(clock, options.callsPer30s);
    if (options.stateFile != null) {
      this.persistence =
          new StatePersistence(new StateFile(options.stateFile), this::stateDocument);
      accounts.tokens().onChange(persistence::changed);
    } else {
      this.persistence = null;
    }
    if (options.demo) {
      DemoSetup.apply(this, options.demoRedirectUris);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving. With a state file, the first start reads it first (see
   * {@link Builder#stateFile}) and writes it back before binding.
   *
   * @throws StateFileException when the state file exists but cannot be read, or cannot be written
   * @throws IOException when the port cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized SpotifySandbox start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("The sandbox is already started");
    }
    if (persistence != null) {
      startPersistence();
    }
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getByName(options.bindAddress), options.port);
    HttpServer created;
    try {
      created = HttpServer.create(address, 1024);
    } catch (IOException | RuntimeException e) {
      if (persistence != null) {
        persistence.close();
      }
      throw e;
    }
    URI base = options.publicBaseUri != null ? options.publicBaseUri : localBaseUri(created);
    SpotifyObjects objects = new SpotifyObjects(base);
    created.createContext("/authorize", accounts.authorizeHandler());
    created.createContext("/api/token", accounts.tokenHandler());
    created.createContext(
        "/v1", new WebApiHandler(accounts.tokens(), users, objects, rateLimiter, gate));
    created.createContext("/images/", new ImageHandler(users));
    created.createContext("/sandbox", new ControlApiHandler(this));
    created.createContext("/", new NotFoundHandler());
    executor = Executors.newCachedThreadPool(new DaemonThreads());
    created.setExecutor(executor);
    created.start();
    server = created;
    baseUri = base;
    return this;
  }

  /**
   * Stops serving immediately; in-flight requests (e.g. delayed by a fault) are interrupted. With a
   * state file, writes it one last time.
   */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
      if (persistence != null) {
        persistence.close();
      }
    }
  }

  private void startPersistence() throws IOException {
    StateFile file = persistence.file();
    if (!stateRestored) {
      configuredApps = Set.copyOf(clientIds());
      configuredUsers = Set.copyOf(users.all().stream().map(SandboxAccount::id).toList());
      restoreState(file);
      stateRestored = true;
    }
    try {
      persistence.start();
    } catch (IOException | RuntimeException e) {
      throw new StateFileException(
          "cannot write state file " + file.path() + ": " + describe(e), e);
    }
  }

  /**
   * Reads the state file and adds what it holds. A file that cannot be read refuses the start; a
   * file that was read but cannot be used is renamed aside and the sandbox starts fresh, saying so
   * in {@link #stateWarning()}, because a demo should keep working.
   */
  private void restoreState(StateFile file) throws StateFileException {
    Optional<StateDocument> read;
    String problem;
    try {
      read = file.read();
      if (read.isEmpty()) {
        stateSummary = "new state file " + file.path();
        return;
      }
      problem = apply(read.get());
      if (problem == null) {
        return;
      }
    } catch (StateFile.CorruptStateException e) {
      problem = e.getMessage();
    } catch (IOException e) {
      throw new StateFileException("cannot read state file " + file.path() + ": " + describe(e), e);
    }
    try {
      Path aside = file.moveAside(clock.instant());
      stateWarning =
          "state file "
              + file.path()
              + " is unusable ("
              + problem
              + "); moved it to "
              + aside.getFileName()
              + " and started fresh: connected accounts must be reconnected";
      stateSummary = "new state file " + file.path();
    } catch (IOException e) {
      throw new StateFileException(
          "state file "
              + file.path()
              + " is unusable ("
              + problem
              + ") and cannot be moved aside: "
              + describe(e),
          e);
    }
  }

  /**
   * Adds the document's apps, users, grants and access tokens; entries whose app or user id is
   * already configured keep the configured one.
   *
   * @return why the document cannot be used (nothing is then added), or null when it was applied
   */
  private String apply(StateDocument document) {
    List<ClientApp> apps = new ArrayList<>();
    List<SandboxUser> restoredUsers = new ArrayList<>();
    try {
      for (StateDocument.App app : listOrEmpty(document.apps())) {
        apps.add(
            ClientApp.restored(
                app.clientId(),
                app.name(),
                app.clientSecretSha256(),
                listOrEmpty(app.redirectUris()).stream().map(URI::create).toList()));
      }
      for (StateDocument.User user : listOrEmpty(document.users())) {
        restoredUsers.add(
            new SandboxUser(
                user.id(), user.displayName(), user.email(), user.country(), user.product()));
      }
      // Checks every entry before adding any.
      accounts
          .tokens()
          .restore(listOrEmpty(document.grants()), listOrEmpty(document.accessTokens()));
    } catch (RuntimeException e) {
      return "bad entry: " + e.getMessage();
    }
    apps.stream()
        .filter(app -> accounts.apps().find(app.clientId()).isEmpty())
        .forEach(accounts.apps()::register);
    restoredUsers.stream().filter(user -> users.find(user.id()).isEmpty()).forEach(users::create);
    stateSummary =
        "restored "
            + listOrEmpty(document.grants()).size()
            + " authorizations and "
            + listOrEmpty(document.accessTokens()).size()
            + " access tokens from "
            + persistence.file().path();
    return null;
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null ? type : type + ": " + message.replaceAll("\\s+", " ");
  }

  /** What the state file holds right now; see {@link StateDocument}. */
  private StateDocument stateDocument() {
    var tokens = accounts.tokens().exportState();
    Set<String> skipApps = configuredApps;
    Set<String> skipUsers = configuredUsers;
    List<StateDocument.App> apps =
        accounts.apps().clientIds().stream()
            .filter(id -> !skipApps.contains(id))
            .map(id -> accounts.apps().find(id))
            .flatMap(Optional::stream)
            .map(
                app ->
                    new StateDocument.App(
                        app.clientId(),
                        app.name(),
                        app.secretSha256(),
                        app.redirectUris().stream().map(URI::toString).toList()))
            .toList();
    List<StateDocument.User> savedUsers =
        users.all().stream()
            .map(SandboxAccount::user)
            .filter(user -> !skipUsers.contains(user.id()))
            .map(
                user ->
                    new StateDocument.User(
                        user.id(),
                        user.displayName(),
                        user.email(),
                        user.country(),
                        user.product()))
            .toList();
    return new StateDocument(
        StateDocument.FORMAT,
        StateDocument.VERSION,
        clock.instant().toString(),
        apps,
        savedUsers,
        tokens.grants(),
        tokens.accessTokens());
  }

  /** The state file in use, if any. */
  public Optional<Path> stateFile() {
    return persistence == null ? Optional.empty() : Optional.of(persistence.file().path());
  }

  /**
   * After {@link #start()} with a state file: what was read (e.g. {@code restored 2 authorizations
   * and 1 access tokens from ...}), for the banner.
   */
  public Optional<String> stateSummary() {
    return Optional.ofNullable(stateSummary);
  }

  /**
   * After {@link #start()}: set when the state file was unusable and was renamed aside; one line
   * saying so.
   */
  public Optional<String> stateWarning() {
    return Optional.ofNullable(stateWarning);
  }

  /**
   * Writes the state file now instead of after the debounce delay.
   *
   * @throws IllegalStateException without a state file
   * @throws IOException when it cannot be written
   */
  public void saveState() throws IOException {
    if (persistence == null) {
      throw new IllegalStateException("The sandbox has no state file");
    }
    persistence.writeNow();
  }

  /** Waits until changes made so far are written (tests); false on timeout. */
  boolean awaitStateWritten(Duration timeout) throws InterruptedException {
    if (persistence == null) {
      throw new IllegalStateException("The sandbox has no state file");
    }
    return persistence.awaitWritten(timeout);
  }

  private void stateChanged() {
    if (persistence != null) {
      persistence.changed();
    }
  }

  /**
   * The base URL of both the accounts service and the Web API, e.g. {@code http://127.0.0.1:54321}.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public URI baseUri() {
    URI uri = baseUri;
    if (uri == null) {
      throw new IllegalStateException("Start the sandbox first");
    }
    return uri;
  }

  public Clock clock() {
    return clock;
  }

  /** The clock, if it is one tests (and {@code POST /sandbox/clock/advance}) can move. */
  public Optional<SandboxClock> controllableClock() {
    return clock instanceof SandboxClock sandboxClock
        ? Optional.of(sandboxClock)
        : Optional.empty();
  }

  /**
   * Moves the controllable clock forward.
   *
   * @throws IllegalStateException when the sandbox runs on a real clock
   */
  public Instant advanceClock(Duration duration) {
    return controllableClock()
        .orElseThrow(
            () -> new IllegalStateException("The sandbox runs on a real clock; it cannot advance"))
        .advance(duration);
  }

  public boolean isDemo() {
    return options.demo;
  }

  /**
   * Registers an app as the developer dashboard would.
   *
   * @throws IllegalArgumentException when the id is taken or a redirect URI breaks Spotify's rules
   *     (HTTPS, or loopback {@code http://127.0.0.1:PORT} / {@code http://[::1]:PORT}; never {@code
   *     localhost})
   */
  public void registerApp(String clientId, String clientSecret, List<URI> redirectUris) {
    registerApp(new ClientApp(clientId, clientId, clientSecret, redirectUris));
  }

  public void registerApp(ClientApp app) {
    accounts.apps().register(app);
    stateChanged();
  }

  /** Registered client ids. */
  public List<String> clientIds() {
    return accounts.apps().clientIds();
  }

  /** Adds a user whose player is empty and stopped. */
  public SandboxAccount createUser(SandboxUser user) {
    SandboxAccount account = users.create(user);
    stateChanged();
    return account;
  }

  public SandboxAccount createUser(String id, String displayName) {
    return createUser(SandboxUser.of(id, displayName));
  }

  public Optional<SandboxAccount> user(String id) {
    return users.find(id);
  }

  public List<SandboxAccount> users() {
    return users.all();
  }

  /**
   * The user's scripted player: play, pause, skip, previous, seek, stop, setQueue.
   *
   * @throws IllegalArgumentException when there is no such user
   */
  public Player player(String userId) {
    return users.require(userId).player();
  }

  /**
   * Plays the user at the consent page: validates the authorize URL exactly like {@code GET
   * /authorize} and approves as {@code userId}.
   *
   * @return the redirect to the app: with {@code code} and {@code state}, or with {@code error}
   *     when the request is invalid in a way Spotify reports to the app
   * @throws AuthorizationPageException when Spotify would show an error page (unknown client,
   *     unregistered redirect URI)
   * @throws IllegalArgumentException when the user does not exist
   */
  public URI approve(URI authorizeUri, String userId) {
    Objects.requireNonNull(userId, "userId");
    return accounts.authorizationServer().decide(authorizeUri, userId, true);
  }

  /** Like {@link #approve} but the user clicks Cancel: redirects with {@code access_denied}. */
  public URI deny(URI authorizeUri) {
    return accounts.authorizationServer().decide(authorizeUri, null, false);
  }

  /**
   * Revokes everything the user authorized, as removing an app from their Spotify account does:
   * refreshes then fail with {@code invalid_grant}, access tokens with 401.
   *
   * @return how many authorizations were revoked
   */
  public int revokeUser(String userId) {
    users.require(userId);
    return accounts.tokens().revokeUser(userId);
  }

  public FaultInjector faults() {
    return faults;
  }

  public void injectFault(Fault fault) {
    faults.inject(fault);
  }

  /** Every access and refresh token the sandbox issued, for tests that look for leaks. */
  public java.util.Set<String> issuedTokens() {
    return accounts.tokens().issuedTokens();
  }

  public CallCounters counters() {
    return counters;
  }

  private URI localBaseUri(HttpServer created) {
    InetAddress bound = created.getAddress().getAddress();
    String host;
    if (bound.isAnyLocalAddress()) {
      host = "127.0.0.1";
    } else if (bound instanceof Inet6Address) {
      host = "[" + bound.getHostAddress() + "]";
    } else {
      host = bound.getHostAddress();
    }
    return URI.create("http://" + host + ":" + created.getAddress().getPort());
  }

  /** Answers paths that belong to no part of the sandbox. */
  private static final class NotFoundHandler extends ReplyingHandler {
    @Override
    protected HttpReply reply(HttpExchange exchange) {
      return HttpReply.text(404, "Not found");
    }
  }

  /** Request threads must not keep the JVM alive after a test forgets {@link #close()}. */
  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "spotify-sandbox-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /** Options for a sandbox; every one has a default suitable for tests. */
  public static final class Builder {
    private int port;
    private String bindAddress = "127.0.0.1";
    private URI publicBaseUri;
    private Clock clock = Clock.systemUTC();
    private Duration accessTokenLifetime = Duration.ofHours(1);
    private boolean rotateRefreshTokens;
    private int callsPer30s = 1000;
    private boolean demo;
    private final List<URI> demoRedirectUris = new ArrayList<>();
    private Path stateFile;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Port must be between 0 and 65535");
      }
      this.port = port;
      return this;
    }

    /** The address to bind; {@code 127.0.0.1} by default so nothing outside the host can call. */
    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * The base URL put in JSON links and image URLs, when clients reach the sandbox through a
     * different address than it binds (e.g. screens on other machines).
     */
    public Builder publicBaseUri(URI uri) {
      this.publicBaseUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /**
     * The time source for token expiry, playback and rate limits; a {@link SandboxClock} in tests.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long access tokens live: 3600 s like Spotify by default, at least 1 s. */
    public Builder accessTokenLifetime(Duration lifetime) {
      if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("Access tokens must live at least one second");
      }
      this.accessTokenLifetime = lifetime;
      return this;
    }

    /**
     * Whether a refresh returns a new refresh token (invalidating the old one). Off by default:
     * Spotify may omit {@code refresh_token}, and clients must keep the old one.
     */
    public Builder rotateRefreshTokens(boolean rotate) {
      this.rotateRefreshTokens = rotate;
      return this;
    }

    /** Web API calls each app may make per rolling 30 s before getting 429 (default 1000). */
    public Builder callsPer30s(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("The call budget must be at least 1");
      }
      this.callsPer30s = calls;
      return this;
    }

    /** Registers the demo app and three demo users who are all playing. */
    public Builder demo(boolean demo) {
      this.demo = demo;
      return this;
    }

    /** Extra redirect URIs for the demo app, besides {@link #DEMO_REDIRECT_URI}. */
    public Builder demoRedirectUris(List<URI> uris) {
      this.demoRedirectUris.addAll(uris);
      return this;
    }

    /**
     * Keeps what clients rely on across restarts in this file: grants with their refresh tokens
     * (and when the user authorized, so the six months still count from then), access tokens until
     * an hour after they expire, and apps and users added after {@link #start()}. Tokens and
     * secrets are stored as SHA-256 hashes only; the file is written atomically, owner read/write
     * only, shortly after each change and on {@link #close()}. Authorization codes, consent pages
     * in progress, playback, counters, faults and the rate-limit window are not kept.
     *
     * <p>A missing file is a fresh start. A file that cannot be read or written refuses {@link
     * #start()}; a file that is not usable state (bad JSON, another format or version, a bad entry)
     * is renamed aside to {@code NAME.corrupt-TIMESTAMP} and the sandbox starts fresh, reporting it
     * in {@link #stateWarning()}. One file serves one sandbox at a time.
     */
    public Builder stateFile(Path file) {
      this.stateFile = Objects.requireNonNull(file, "file");
      return this;
    }

    public SpotifySandbox build() {
      return new SpotifySandbox(this);
    }
  }
}
