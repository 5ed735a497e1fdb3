package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.it.support.JsonBodies;
import dev.marquee.it.support.MarqueeProcess;
import dev.marquee.it.support.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * A database that is not there when Marquee starts: Marquee says so in one log line and on
 * /health/ready, keeps serving its console, and becomes ready by itself once the database exists.
 */
class DatabaseRecoveryIT {

  @Test
  void becomesReadyWithoutARestartOnceTheDatabaseExists() throws Exception {
    TestDatabase database = TestDatabase.missing("recovery");
    // The secret an operator gave: the password, or on PostgreSQL a password inside the URL,
    // where it is most likely to leak through an error message.
    String secret = database.isPostgres() ? "url-secret-" + UUID.randomUUID() : database.password();
    Map<String, String> extra = new HashMap<>(Map.of("MARQUEE_DB_RETRY_INTERVAL", "PT1S"));
    if (database.isPostgres()) {
      extra.put("MARQUEE_DB_URL", database.url() + "?password=" + secret);
    }
    Map<String, String> environment = MarqueeProcess.environment(database, extra);
    try (MarqueeProcess server = MarqueeProcess.uberJar("recovery", environment).start()) {
      JsonNode check = awaitAttempts(server, 3);
      assertThat(check.path("status").asText()).isEqualTo("DOWN");
      assertThat(check.path("data").path("reason").asText())
          .containsAnyOf("does not exist", "not found");
      assertThat(server.get("/health/ready").statusCode()).isEqualTo(503);
      assertThat(server.get("/health/live").statusCode()).isEqualTo(200);

      String log = server.log();
      assertThat(log.lines().filter(line -> line.contains("Database not ready at")))
          .as("one line for a database that stays down, however often Marquee retries")
          .hasSize(1);
      assertThat(log).doesNotContain("\tat ").doesNotContain(secret);

      var landing = server.get("/sign-in.xhtml");
      assertThat(landing.statusCode()).isEqualTo(200);
      assertThat(landing.body()).doesNotContain(secret);
      assertThat(server.get("/health/ready").body()).doesNotContain(secret);
      assertThat(Jsoup.parse(landing.body()).getElementById("fact-database-status").text())
          .startsWith("Not ready: ");

      database.create();

      server.awaitReady();
      JsonNode ready = JsonBodies.parse(server.get("/health/ready").body());
      assertThat(ready.path("checks").get(0).path("data").path("schema").asText())
          .matches("[0-9]+");
      assertThat(server.log()).contains("Database ready: ").doesNotContain(secret);
    }
  }

  @Test
  void becomesNotReadyWhenTheDatabaseGoesAwayAndReadyWhenItReturns() throws Exception {
    TestDatabase database = TestDatabase.fresh("lost");
    assumeTrue(database.isPostgres(), "a database is cut off only on PostgreSQL (MARQUEE_TEST_DB)");
    Map<String, String> environment =
        MarqueeProcess.environment(database, Map.of("MARQUEE_DB_RETRY_INTERVAL", "PT1S"));
    try (MarqueeProcess server = MarqueeProcess.uberJar("lost", environment)) {
      server.start().awaitReady();
      try {
        database.cutOff();
        await("readiness to notice the lost database")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> server.get("/health/ready").statusCode() == 503);
      } finally {
        database.restore();
      }
      server.awaitReady();
      assertThat(server.log()).contains("Database not ready at");
    }
  }

  private static JsonNode awaitAttempts(MarqueeProcess server, int attempts) {
    server.awaitHttp();
    return await("Marquee to have tried the database " + attempts + " times")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> JsonBodies.parse(server.get("/health/ready").body()).path("checks").path(0),
            check -> check.path("data").path("attempts").asInt() >= attempts);
  }
}
