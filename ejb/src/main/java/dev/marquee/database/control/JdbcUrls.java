package dev.marquee.database.control;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;

/** What a JDBC URL tells about the database behind it, and how to show it without secrets. */
public final class JdbcUrls {

  /** The databases Marquee ships drivers and migrations for. */
  public enum DatabaseKind {
    H2("H2", org.h2.Driver::new),
    POSTGRESQL("PostgreSQL", org.postgresql.Driver::new);

    private final String displayName;
    private final Supplier<Driver> driver;

    DatabaseKind(String displayName, Supplier<Driver> driver) {
      this.displayName = displayName;
      this.driver = driver;
    }

    public String displayName() {
      return displayName;
    }

    Driver newDriver() {
      return driver.get();
    }
  }

  private JdbcUrls() {}

  /**
   * The kind of database a URL points at.
   *
   * @throws SQLException naming the supported prefixes when the URL is of another kind
   */
  public static DatabaseKind kindOf(String url) throws SQLException {
    String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      return DatabaseKind.H2;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return DatabaseKind.POSTGRESQL;
    }
    throw new SQLException(
        "Unsupported database URL "
            + redact(url)
            + ": Marquee supports jdbc:postgresql:// and jdbc:h2: URLs");
  }

  /**
   * The URL without its parameters, which is where credentials hide ({@code ?password=} for
   * PostgreSQL, {@code ;PASSWORD=} for H2): safe to log and to show.
   */
  public static String redact(String url) {
    if (url == null) {
      return "(no URL)";
    }
    int cut = url.length();
    for (char separator : new char[] {'?', ';'}) {
      int at = url.indexOf(separator);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    String withoutParameters = url.substring(0, cut);
    int at = withoutParameters.lastIndexOf('@');
    int scheme = withoutParameters.indexOf("//");
    if (at > 0 && scheme >= 0 && at > scheme) {
      return withoutParameters.substring(0, scheme + 2) + withoutParameters.substring(at + 1);
    }
    return withoutParameters;
  }
}
