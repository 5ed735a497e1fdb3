package dev.marquee.it.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The test-only probes under {@code /api/it}, as an application of their own: Marquee's API lists
 * its resources instead of scanning the WAR, so added classes are not served by it.
 */
@ApplicationPath("/api/it")
public class ProbeApi extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        OrganizationsProbe.class, PollingProbe.class, ScreensProbe.class, SpotifyProbe.class);
  }
}
