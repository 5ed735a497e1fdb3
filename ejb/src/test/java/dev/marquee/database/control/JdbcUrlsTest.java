package dev.marquee.database.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.database.control.JdbcUrls.DatabaseKind;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void recognisesTheSupportedDatabases() throws SQLException {
    assertThat(JdbcUrls.kindOf("jdbc:h2:file:./data/marquee;MODE=PostgreSQL"))
        .isEqualTo(DatabaseKind.H2);
    assertThat(JdbcUrls.kindOf("jdbc:postgresql://127.0.0.1:5432/marquee"))
        .isEqualTo(DatabaseKind.POSTGRESQL);
    assertThat(JdbcUrls.kindOf("JDBC:PostgreSQL://db/marquee")).isEqualTo(DatabaseKind.POSTGRESQL);
  }

  @Test
  void refusesOtherDatabasesNamingTheSupportedOnes() {
    assertThatThrownBy(() -> JdbcUrls.kindOf("jdbc:mysql://db/marquee?password=hunter2"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageContaining("jdbc:mysql://db/marquee")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void redactionDropsParametersAndUserInfoWhereCredentialsHide() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/marquee?user=m&password=hunter2"))
        .isEqualTo("jdbc:postgresql://db:5432/marquee");
    assertThat(JdbcUrls.redact("jdbc:h2:file:./data/marquee;USER=sa;PASSWORD=hunter2"))
        .isEqualTo("jdbc:h2:file:./data/marquee");
    assertThat(JdbcUrls.redact("jdbc:postgresql://m:hunter2@db/marquee"))
        .isEqualTo("jdbc:postgresql://db/marquee");
    assertThat(JdbcUrls.redact(null)).isEqualTo("(no URL)");
  }
}
