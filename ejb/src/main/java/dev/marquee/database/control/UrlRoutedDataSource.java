package dev.marquee.database.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The JDBC data source behind {@code java:app/jdbc/marquee}: the container pools it, and it opens
 * each physical connection with the driver that the configured URL names (H2 or PostgreSQL).
 *
 * <p>Why not name the vendor's own {@code DataSource} class: the class would then have to change
 * with the URL, which configuration cannot do, and Payara applies a {@code url} property to
 * PostgreSQL's data source after its own {@code serverName} default, silently connecting to
 * localhost. Routing by URL keeps the operator's one setting, {@code MARQUEE_DB_URL}, the whole
 * truth.
 */
public class UrlRoutedDataSource implements DataSource {

  private String url;

  /** How often the embedded database's files were made owner-only (twice is enough). */
  private volatile int filesProtected;

  private String user;
  private String password;
  private int loginTimeoutSeconds;

  /** Called by the container with the {@code url} of the data source definition. */
  public void setUrl(String url) {
    this.url = url;
  }

  public String getUrl() {
    return url;
  }

  /** Called by the container with the {@code user} of the data source definition. */
  public void setUser(String user) {
    this.user = user;
  }

  public String getUser() {
    return user;
  }

  /** Called by the container with the {@code password} of the data source definition. */
  public void setPassword(String password) {
    this.password = password;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String credential) throws SQLException {
    Properties properties = new Properties();
    if (username != null) {
      properties.setProperty("user", username);
    }
    if (credential != null) {
      properties.setProperty("password", credential);
    }
    if (loginTimeoutSeconds > 0) {
      properties.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
    }
    if (JdbcUrls.kindOf(url) == JdbcUrls.DatabaseKind.POSTGRESQL && !url.contains("stringtype=")) {
      // EclipseLink binds a NULL of a converted attribute (a nullable UUID) as VARCHAR, which
      // PostgreSQL refuses for a uuid column; untyped string parameters let the server infer.
      properties.setProperty("stringtype", "unspecified");
    }
    protectEmbeddedFiles();
    Connection connection = driverFor(url).connect(url, properties);
    protectEmbeddedFiles();
    if (connection == null) {
      throw new SQLException("The driver refused the database URL " + JdbcUrls.redact(url));
    }
    return connection;
  }

  private static Driver driverFor(String url) throws SQLException {
    return JdbcUrls.kindOf(url).newDriver();
  }

  /**
   * An embedded H2 database is owner-only: before the first connection (so its directory is created
   * so) and after it (H2 created the files with the process's umask). Once per data source.
   */
  private void protectEmbeddedFiles() {
    if (filesProtected < 2) {
      H2Files.protect(url);
      filesProtected++;
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // Drivers log through java.util.logging; a container log writer adds nothing.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("Drivers log through their own loggers");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
