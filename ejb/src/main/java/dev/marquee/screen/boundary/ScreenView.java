package dev.marquee.screen.boundary;

import dev.marquee.screen.entity.Screen;
import java.time.Instant;
import java.util.UUID;

/**
 * A screen as the console shows it; no token, not even its digest. {@code online}: on this node.
 */
public record ScreenView(
    UUID id,
    UUID organizationId,
    String name,
    UUID configurationId,
    String configurationName,
    String group,
    String client,
    String lastAddress,
    Instant lastSeenAt,
    boolean revoked,
    boolean online) {

  static ScreenView of(Screen screen, String configurationName, boolean online) {
    return new ScreenView(
        screen.id(),
        screen.organizationId(),
        screen.name(),
        screen.configurationId(),
        configurationName,
        screen.group().orElse(null),
        screen.client().orElse(null),
        screen.lastAddress().orElse(null),
        screen.lastSeenAt().orElse(null),
        screen.revoked(),
        online);
  }
}
