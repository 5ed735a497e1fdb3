package dev.marquee.database.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.sql.DataSourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The data source's placeholders carry the same defaults as microprofile-config.properties, so the
 * two never disagree about where the zero-setup database is.
 */
class DatabaseDefaultsTest {

  @Test
  void placeholderDefaultsAreTheConfiguredDefaults() throws IOException {
    Properties defaults = new Properties();
    try (InputStream in =
        Database.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      defaults.load(in);
    }
    DataSourceDefinition definition = Database.class.getAnnotation(DataSourceDefinition.class);

    assertThat(definition.url())
        .isEqualTo("${MPCONFIG=marquee.db.url:" + defaults.getProperty("marquee.db.url") + "}");
    assertThat(definition.user())
        .isEqualTo("${MPCONFIG=marquee.db.user:" + defaults.getProperty("marquee.db.user") + "}");
    assertThat(definition.password())
        .isEqualTo(
            "${MPCONFIG=marquee.db.password:" + defaults.getProperty("marquee.db.password") + "}");
  }

  @Test
  void noDefaultHoldsWhatPayaraReadsAsThePlaceholdersEnd() {
    // Payara's placeholder is ${MPCONFIG=key:default}: a '}' or '$' in a default would cut it
    // short.
    assertThat(Database.DEFAULT_URL + Database.DEFAULT_USER + Database.DEFAULT_PASSWORD)
        .doesNotContain("}")
        .doesNotContain("$");
  }
}
