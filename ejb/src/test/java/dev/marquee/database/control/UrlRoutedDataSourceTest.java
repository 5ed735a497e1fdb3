package dev.marquee.database.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlRoutedDataSourceTest {

  @TempDir Path dir;

  @Test
  void opensAnH2DatabaseWithTheConfiguredCredentials() throws SQLException {
    UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
    dataSource.setUrl("jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL");
    dataSource.setUser("marquee");
    dataSource.setPassword("secret");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
      assertThat(connection.getMetaData().getUserName()).isEqualToIgnoringCase("marquee");
    }
  }

  @Test
  void keepsAnEmbeddedDatabaseOwnerOnly() throws Exception {
    Path data = dir.resolve("data");
    UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
    dataSource.setUrl("jdbc:h2:file:" + data.resolve("marquee") + ";MODE=PostgreSQL");
    try (Connection connection = dataSource.getConnection()) {
      connection.createStatement().execute("CREATE TABLE t (x INT)");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    try (var files = Files.list(data)) {
      assertThat(files.toList())
          .isNotEmpty()
          .allSatisfy(
              file ->
                  assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                      .as(file.toString())
                      .isEqualTo("rw-------"));
    }
  }

  @Test
  void tightensTheFilesOfAnExistingDatabaseOnUpgrade() throws Exception {
    Path data = Files.createDirectories(dir.resolve("old"));
    Path file = Files.createFile(data.resolve("marquee.mv.db"));
    Path other = Files.createFile(data.resolve("notes.txt"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));
    H2Files.protect("jdbc:h2:" + data.resolve("marquee") + ";MODE=PostgreSQL");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    // Only the database's own files are touched.
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void leavesMemoryAndServerDatabasesAlone() {
    assertThat(H2Files.basePath("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
    assertThat(H2Files.basePath("jdbc:h2:tcp://localhost/~/test")).isEmpty();
    assertThat(H2Files.basePath("jdbc:postgresql://127.0.0.1/marquee")).isEmpty();
    assertThat(H2Files.basePath("jdbc:h2:file:./data/marquee;MODE=PostgreSQL"))
        .contains(Path.of("data/marquee").toAbsolutePath());
  }

  @Test
  void refusesAnUnsupportedUrlWithoutRevealingItsParameters() {
    UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
    dataSource.setUrl("jdbc:oracle:thin:@db:1521/x?password=hunter2");
    assertThatThrownBy(dataSource::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessageNotContaining("hunter2");
  }
}
