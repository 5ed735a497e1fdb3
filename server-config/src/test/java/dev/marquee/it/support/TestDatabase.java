package dev.marquee.it.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A database of its own for one test: a file-based H2 under target/ by default, or a fresh database
 * on the real PostgreSQL when the suite runs with {@code MARQUEE_TEST_DB=postgresql}.
 */
public final class TestDatabase {

  private static final String H2_MODE =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  private static final String PG_ADMIN_URL =
      System.getProperty("marquee.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String PG_USER = System.getProperty("marquee.test.pg.user", "postgres");
  private static final String PG_PASSWORD =
      System.getProperty("marquee.test.pg.password", "marquee-it-secret");
  private static final String USER = "marquee";
  private static final String PASSWORD = "marquee-test";

  private final String name;
  private final boolean postgres;

  private TestDatabase(String name) {
    this.name = name;
    this.postgres = "postgresql".equals(System.getProperty("marquee.test.db", "h2"));
  }

  /** An empty database named after the test. */
  public static TestDatabase fresh(String name) {
    TestDatabase database = new TestDatabase(name);
    database.drop();
    database.create();
    return database;
  }

  /** A database that does not exist yet; {@link #create()} brings it into being. */
  public static TestDatabase missing(String name) {
    TestDatabase database = new TestDatabase(name);
    database.drop();
    return database;
  }

  public boolean isPostgres() {
    return postgres;
  }

  /** The JDBC URL Marquee is given. For H2 it refuses to create the file itself. */
  public String url() {
    if (postgres) {
      return PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + databaseName();
    }
    return "jdbc:h2:file:" + h2File() + H2_MODE + ";IFEXISTS=TRUE";
  }

  public String user() {
    return postgres ? PG_USER : USER;
  }

  public String password() {
    return postgres ? PG_PASSWORD : PASSWORD;
  }

  /** The environment that points Marquee at this database. */
  public Map<String, String> environment() {
    return Map.of(
        "MARQUEE_DB_URL", url(), "MARQUEE_DB_USER", user(), "MARQUEE_DB_PASSWORD", password());
  }

  /** Creates the (empty) database. */
  public void create() {
    if (postgres) {
      adminStatement("CREATE DATABASE " + databaseName());
    } else {
      try (Connection ignored =
          DriverManager.getConnection("jdbc:h2:file:" + h2File() + H2_MODE, USER, PASSWORD)) {
        // Opening an H2 file database without IFEXISTS creates it, owned by USER.
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot create the H2 test database " + name, e);
      }
    }
  }

  /**
   * Makes the database refuse every connection and drops the open ones, as a database that crashed
   * or was stopped would (PostgreSQL only).
   */
  public void cutOff() {
    requirePostgres();
    adminStatement("ALTER DATABASE " + databaseName() + " WITH ALLOW_CONNECTIONS false");
    adminStatement(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + databaseName()
            + "'");
  }

  /** Lets the database accept connections again after {@link #cutOff()}. */
  public void restore() {
    requirePostgres();
    adminStatement("ALTER DATABASE " + databaseName() + " WITH ALLOW_CONNECTIONS true");
  }

  private void requirePostgres() {
    if (!postgres) {
      throw new IllegalStateException("only a PostgreSQL test database can be cut off");
    }
  }

  private void drop() {
    if (postgres) {
      adminStatement("DROP DATABASE IF EXISTS " + databaseName() + " WITH (FORCE)");
    } else {
      Directories.deleteRecursively(h2Directory());
    }
  }

  private String databaseName() {
    return "marquee_it_" + name.toLowerCase().replaceAll("[^a-z0-9]", "_");
  }

  private Path h2Directory() {
    return Path.of(System.getProperty("marquee.it.dir", "target/it"), "db", name);
  }

  private Path h2File() {
    return h2Directory().toAbsolutePath().resolve("marquee");
  }

  private static void adminStatement(String sql) {
    try (Connection connection = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + PG_ADMIN_URL + " refused: " + sql + " (" + e.getMessage() + ")", e);
    }
  }
}
