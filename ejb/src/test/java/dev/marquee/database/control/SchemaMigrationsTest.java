package dev.marquee.database.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real migrations on a real H2 file (PostgreSQL runs them in the integration tests). */
class SchemaMigrationsTest {

  @TempDir Path directory;

  private UrlRoutedDataSource dataSource;

  @BeforeEach
  void database() {
    dataSource = new UrlRoutedDataSource();
    dataSource.setUrl(
        "jdbc:h2:file:"
            + directory.resolve("marquee")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    dataSource.setUser("marquee");
    dataSource.setPassword("secret");
  }

  /** The newest migration of this build: V1, V2, ... without gaps. */
  private static final int NEWEST = newestMigration();

  private static int newestMigration() {
    try (var files =
        java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.matches("V[0-9]+__.*\\.sql"))
          .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
          .max()
          .orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void migratesAnEmptyDatabaseOnceAndThenNothing() throws Exception {
    SchemaMigrations migrations = new SchemaMigrations();

    SchemaMigrations.Outcome first = migrations.migrate(dataSource);
    SchemaMigrations.Outcome second = migrations.migrate(dataSource);

    assertThat(first.productName()).isEqualTo("H2");
    assertThat(first.schemaVersion()).isEqualTo(Integer.toString(NEWEST));
    assertThat(first.applied()).isEqualTo(NEWEST);
    assertThat(second.schemaVersion()).isEqualTo(Integer.toString(NEWEST));
    assertThat(second.applied()).isZero();
    assertThat(tableExists("organization")).isTrue();
  }

  @Test
  void refusesASchemaNewerThanThisBuildAndChangesNothing() throws Exception {
    SchemaMigrations migrations = new SchemaMigrations();
    migrations.migrate(dataSource);
    execute(
        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
            + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
            + " \"success\") VALUES (1000, '1000', 'from a newer Marquee', 'SQL',"
            + " 'V1000__newer.sql', 1, 'marquee', 1, TRUE)");
    String before = history();

    assertThatThrownBy(() -> migrations.migrate(dataSource))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessage(
            "the schema does not match this build of Marquee"
                + " (Detected applied migration not resolved locally: 1000.)");
    assertThat(history()).isEqualTo(before);
  }

  private boolean tableExists(String name) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
      return tables.next();
    }
  }

  private String history() {
    StringBuilder rows = new StringBuilder();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet all = statement.executeQuery("SELECT * FROM \"flyway_schema_history\"")) {
      while (all.next()) {
        rows.append(all.getString("version")).append(' ').append(all.getString("description"));
        rows.append(' ').append(all.getString("type")).append('\n');
      }
    } catch (SQLException e) {
      rows.append(e.getMessage());
    }
    return rows.toString();
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
