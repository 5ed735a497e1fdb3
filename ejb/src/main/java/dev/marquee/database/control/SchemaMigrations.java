package dev.marquee.database.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the schema to the version this build needs, with the migrations in db/migration. */
@ApplicationScoped
public class SchemaMigrations {

  /** What the database is and which schema version it holds after migrating. */
  public record Outcome(
      String productName, String productVersion, String schemaVersion, int applied) {}

  /**
   * Applies every pending migration.
   *
   * @throws DatabaseUnavailableException when the database cannot be reached or migrated; the
   *     message says why in one line
   */
  public Outcome migrate(DataSource dataSource) throws DatabaseUnavailableException {
    try {
      Flyway flyway =
          Flyway.configure(SchemaMigrations.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .failOnMissingLocations(true)
              // A schema newer than this build (a downgrade) is refused, not silently used.
              .ignoreMigrationPatterns("")
              .load();
      MigrateResult result = flyway.migrate();
      try (Connection connection = dataSource.getConnection()) {
        DatabaseMetaData metaData = connection.getMetaData();
        return new Outcome(
            metaData.getDatabaseProductName(),
            metaData.getDatabaseProductVersion(),
            currentVersion(flyway, result),
            result.migrationsExecuted);
      }
    } catch (FlywayValidateException e) {
      // Flyway's first line says only that validation failed; the second says what differs.
      String detail = e.getMessage().lines().skip(1).findFirst().orElse("").strip();
      throw new DatabaseUnavailableException(
          "the schema does not match this build of Marquee (" + detail + ")", e);
    } catch (FlywayException | SQLException e) {
      throw new DatabaseUnavailableException(Reasons.firstLineOf(e), e);
    }
  }

  private static String currentVersion(Flyway flyway, MigrateResult result) {
    if (result.targetSchemaVersion != null) {
      return result.targetSchemaVersion;
    }
    MigrationInfo current = flyway.info().current();
    return current == null ? "none" : current.getVersion().getVersion();
  }
}
