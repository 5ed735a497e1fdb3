package dev.marquee.database.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} is UP only when the database is migrated and answered within the last few
 * seconds.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject Database database;

  @Override
  public HealthCheckResponse call() {
    DatabaseState state = database.check();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("database")
            .status(state.ready())
            .withData("kind", state.kind())
            .withData("since", state.since().toString())
            .withData("attempts", state.attempts());
    if (state.ready()) {
      response.withData("product", state.product()).withData("schema", state.schemaVersion());
    } else {
      response.withData("reason", state.reason());
    }
    return response.build();
  }
}
