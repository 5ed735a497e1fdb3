package dev.marquee.database.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V8 on a database that already holds names differing only in case: the upgrade succeeds, the
 * oldest keeps its name, the others are renamed, and from then on the database refuses another case
 * variant.
 */
class OrganizationNameKeyMigrationTest {

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

  @Test
  void caseDuplicatesOfAnOlderDatabaseAreRenamedAndTheUpgradeSucceeds() throws Exception {
    flyway("7").migrate();
    UUID oldest = insert("Org A", "2026-01-01T10:00:00Z");
    UUID later = insert("org a", "2026-02-01T10:00:00Z");
    UUID latest = insert("ORG A", "2026-03-01T10:00:00Z");
    UUID other = insert("Corner Shop", "2026-03-01T10:00:00Z");
    String longName = "x".repeat(100);
    insert(longName, "2026-01-01T10:00:00Z");
    UUID longLater = insert(longName.toUpperCase(), "2026-02-01T10:00:00Z");

    flyway(null).migrate();

    assertThat(nameOf(oldest)).isEqualTo("Org A");
    assertThat(nameOf(later)).isEqualTo("org a (" + later + ")");
    assertThat(nameOf(latest)).isEqualTo("ORG A (" + latest + ")");
    assertThat(nameOf(other)).isEqualTo("Corner Shop");
    assertThat(nameOf(longLater)).hasSize(100).endsWith(" (" + longLater + ")");
    assertThat(keys()).doesNotHaveDuplicates().contains("org a", "corner shop");
    assertThatThrownBy(() -> insertWithKey("oRg A", "org a"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("organization_name_key_unique");
  }

  private Flyway flyway(String target) {
    var configuration =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  private UUID insert(String name, String createdAt) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO organization (id, name, created_at, version) VALUES (?, ?, ?, 0)")) {
      insert.setObject(1, id);
      insert.setString(2, name);
      insert.setObject(3, OffsetDateTime.parse(createdAt));
      insert.executeUpdate();
    }
    return id;
  }

  private void insertWithKey(String name, String key) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO organization (id, name, name_key, created_at, version)"
                    + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, 0)")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, name);
      insert.setString(3, key);
      insert.executeUpdate();
    }
  }

  private String nameOf(UUID id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT name FROM organization WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private List<String> keys() throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name_key FROM organization")) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    return keys;
  }
}
