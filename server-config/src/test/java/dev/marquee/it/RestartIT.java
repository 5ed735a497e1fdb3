package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.it.support.JsonBodies;
import dev.marquee.it.support.MarqueeProcess;
import dev.marquee.it.support.ProbeWar;
import dev.marquee.it.support.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What Marquee stored before a restart is there after it, and migrations are not re-run. */
class RestartIT {

  @Test
  void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
    TestDatabase database = TestDatabase.fresh("restart");
    Path war = ProbeWar.file("restart");
    String id;
    try (MarqueeProcess first =
        MarqueeProcess.war("restart", war, database.environment()).start().awaitReady()) {
      var created = first.post("/api/it/organizations", JsonBodies.object("name", "Northside Gym"));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      id = JsonBodies.parse(created.body()).path("id").asText();
      // Every migration the build has runs on the empty database, whatever their number.
      assertThat(first.log()).containsPattern("\\(([1-9][0-9]*) migration\\(s\\) applied now\\)");
    }

    try (MarqueeProcess second =
        MarqueeProcess.war("restart", war, database.environment()).start().awaitReady()) {
      JsonNode found = JsonBodies.parse(second.get("/api/it/organizations/" + id).body());
      assertThat(found.path("name").asText()).isEqualTo("Northside Gym");
      assertThat(second.log()).contains("(0 migration(s) applied now)");
    }
  }
}
