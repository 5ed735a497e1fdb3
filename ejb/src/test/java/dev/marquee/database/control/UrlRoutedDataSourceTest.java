package dev.marquee.database.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
  void refusesAnUnsupportedUrlWithoutRevealingItsParameters() {
    UrlRoutedDataSource dataSource = new UrlRoutedDataSource();
    dataSource.setUrl("jdbc:oracle:thin:@db:1521/x?password=hunter2");
    assertThatThrownBy(dataSource::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessageNotContaining("hunter2");
  }
}
