package dev.marquee.database.boundary;

import dev.marquee.database.control.DatabaseUnavailableException;
import dev.marquee.database.control.EntityManagers;
import dev.marquee.database.control.JdbcUrls;
import dev.marquee.database.control.Reasons;
import dev.marquee.database.control.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Marquee's database: defines the data source from configuration, migrates the schema at start, and
 * knows whether the application can use it.
 *
 * <p>An unreachable or wrong database does not stop the server: Marquee logs one line saying why,
 * reports not-ready on {@code /health/ready}, and tries again every few seconds, so fixing the
 * database (or starting it after Marquee) makes the server ready without a restart.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
    name = Database.DATA_SOURCE,
    className = "dev.marquee.database.control.UrlRoutedDataSource",
    // The defaults after ':' are the ones in microprofile-config.properties (DatabaseDefaultsTest):
    // Payara resolves these placeholders once while it prepares the deployment, before the
    // application's own configuration is visible, and warns about every key without a default.
    url = "${MPCONFIG=marquee.db.url:" + Database.DEFAULT_URL + "}",
    user = "${MPCONFIG=marquee.db.user:" + Database.DEFAULT_USER + "}",
    password = "${MPCONFIG=marquee.db.password:" + Database.DEFAULT_PASSWORD + "}",
    // No connection is opened at deployment: the database may come up after Marquee.
    initialPoolSize = 0,
    minPoolSize = 0,
    maxPoolSize = 32,
    loginTimeout = 10,
    // A database that restarted leaves dead connections in the pool: test before handing out.
    // Not fail-all-connections: with it the pool released connections twice under concurrent
    // transactions ("state.isBusy already set to false"), handing one connection to two of them.
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data"
    })
public class Database {

  /** The JNDI name of Marquee's data source; the persistence unit uses it too. */
  public static final String DATA_SOURCE = "java:app/jdbc/marquee";

  /** The zero-setup database: file-based H2 under ./data/, in PostgreSQL mode. */
  static final String DEFAULT_URL =
      "jdbc:h2:file:./data/marquee;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  static final String DEFAULT_USER = "marquee";

  /** H2's only; PostgreSQL gets the operator's own. */
  static final String DEFAULT_PASSWORD = "marquee";

  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  @Resource TimerService timerService;

  @Inject SchemaMigrations migrations;

  @Inject EntityManagers entityManagers;

  @Inject Event<DatabaseReady> becameReady;

  @Inject
  @ConfigProperty(name = "marquee.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "marquee.db.retry-interval", defaultValue = "PT5S")
  Duration retryInterval;

  /** How often readiness confirms that a ready database still answers. */
  private static final Duration VERIFY_EVERY = Duration.ofSeconds(5);

  private final Clock clock = Clock.systemUTC();
  private final AtomicReference<DatabaseState> state = new AtomicReference<>();
  private String kind;
  private String lastLoggedReason;
  private Instant lastVerified = Instant.MIN;
  private boolean retrying;

  @PostConstruct
  void start() {
    kind = kindOfConfiguredUrl();
    state.set(DatabaseState.starting(kind, clock.instant()));
    if (retryInterval.isNegative() || retryInterval.isZero()) {
      LOG.warning(
          () -> "marquee.db.retry-interval must be positive, not " + retryInterval + "; using 5 s");
      retryInterval = Duration.ofSeconds(5);
    }
    // The first attempt runs on a timer, not here: a singleton is unusable until its
    // PostConstruct returns, and readiness probes must get "connecting", not an EJB error.
    timerService.createSingleActionTimer(0, new TimerConfig(null, false));
  }

  @Timeout
  void attempt(Timer timer) {
    if (connect()) {
      stopRetrying();
      announceReady();
    } else {
      startRetrying();
    }
  }

  private void announceReady() {
    try {
      becameReady.fire(new DatabaseReady(state.get().product()));
    } catch (RuntimeException e) {
      // A feature's start-up work failed: that feature reports it; the database stays ready.
      LOG.log(Level.SEVERE, "Start-up work after the database became ready failed", e);
    }
  }

  /** The current state; cheap, never blocks on the database. */
  public DatabaseState state() {
    return state.get();
  }

  /**
   * The current state, after confirming (at most every few seconds) that a ready database still
   * answers; a database lost after start makes Marquee not ready until it answers again.
   */
  public DatabaseState check() {
    if (state.get().ready() && clock.instant().isAfter(lastVerified.plus(VERIFY_EVERY))) {
      verify();
    }
    return state.get();
  }

  private synchronized void verify() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(2)) {
        throw new SQLException("the database does not answer");
      }
      lastVerified = clock.instant();
    } catch (SQLException e) {
      reportUnavailable(Reasons.firstLineOf(e));
      startRetrying();
    }
  }

  private synchronized void startRetrying() {
    if (!retrying) {
      retrying = true;
      long interval = retryInterval.toMillis();
      timerService.createIntervalTimer(interval, interval, new TimerConfig(null, false));
    }
  }

  private synchronized void stopRetrying() {
    if (retrying) {
      timerService.getTimers().forEach(Timer::cancel);
      retrying = false;
    }
  }

  public boolean isReady() {
    return state.get().ready();
  }

  private synchronized boolean connect() {
    if (state.get().ready()) {
      return true;
    }
    lastVerified = clock.instant();
    try {
      SchemaMigrations.Outcome outcome = migrations.migrate(dataSource);
      entityManagers.open();
      String product = outcome.productName() + " " + outcome.productVersion();
      state.set(state.get().ready(product, outcome.schemaVersion(), clock.instant()));
      LOG.info(
          () ->
              String.format(
                  "Database ready: %s at %s, schema version %s (%d migration(s) applied now)",
                  product, JdbcUrls.redact(url), outcome.schemaVersion(), outcome.applied()));
      return true;
    } catch (DatabaseUnavailableException e) {
      reportUnavailable(e.getMessage());
      return false;
    } catch (RuntimeException e) {
      // Not a database problem but a bug or a broken installation: report it, keep trying.
      LOG.log(Level.SEVERE, "Database set-up failed unexpectedly", e);
      reportUnavailable(Reasons.firstLineOf(e));
      return false;
    }
  }

  private void reportUnavailable(String reason) {
    state.set(state.get().unavailable(reason, clock.instant()));
    // One line per distinct reason: a database that stays down does not flood the log.
    Level level = reason.equals(lastLoggedReason) ? Level.FINE : Level.WARNING;
    lastLoggedReason = reason;
    LOG.log(
        level,
        () ->
            String.format(
                "Database not ready at %s: %s. Marquee is not ready and retries every %d s.",
                JdbcUrls.redact(url), reason, retryInterval.toSeconds()));
  }

  private String kindOfConfiguredUrl() {
    try {
      return JdbcUrls.kindOf(url).displayName();
    } catch (SQLException e) {
      return "unsupported";
    }
  }
}
