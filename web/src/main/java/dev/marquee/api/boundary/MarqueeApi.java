package dev.marquee.api.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * Marquee's JSON API for screens and tools, under /api.
 *
 * <p>Its resources are listed, not scanned: a scan of the whole WAR also finds the MicroProfile
 * REST client interfaces Marquee uses to call Spotify (they carry {@code @Path} too) and would
 * serve them as resources that fail on every request. The WADL Jersey would generate names Jersey's
 * version and documents nothing a client needs: it is off.
 */
@ApplicationPath("/api")
public class MarqueeApi extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(PairingResource.class, VersionResource.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
