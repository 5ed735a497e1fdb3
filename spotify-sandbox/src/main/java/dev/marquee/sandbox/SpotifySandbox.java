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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

  private HttpServer server;
  private ExecutorService executor;
  private volatile URI baseUri;

  private SpotifySandbox(Builder options) {
    this.options = options;
    this.clock = options.clock;
    this.counters = new CallCounters(clock);
    this.gate = new CallGate(counters, faults);
    this.users = new UserDirectory(clock);
    this.accounts =
        new Accounts(clock, users, options.accessTokenLifetime, options.rotateRefreshTokens, gate);
    this.rateLimiter = new RollingWindowRateLimiter(clock, options.callsPer30s);
    if (options.demo) {
      DemoSetup.apply(this, options.demoRedirectUris);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving.
   *
   * @throws IOException when the port cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized SpotifySandbox start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("The sandbox is already started");
    }
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getByName(options.bindAddress), options.port);
    HttpServer created = HttpServer.create(address, 1024);
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

  /** Stops serving immediately; in-flight requests (e.g. delayed by a fault) are interrupted. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
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
  }

  /** Registered client ids. */
  public List<String> clientIds() {
    return accounts.apps().clientIds();
  }

  /** Adds a user whose player is empty and stopped. */
  public SandboxAccount createUser(SandboxUser user) {
    return users.create(user);
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

    public SpotifySandbox build() {
      return new SpotifySandbox(this);
    }
  }
}
