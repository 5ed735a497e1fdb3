package dev.marquee.spotify.boundary;

import dev.marquee.spotify.entity.SpotifyApp;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A Spotify app as the console shows it. It holds no secret, only whether one is stored.
 *
 * @param scope {@value SpotifyApp#DEFAULT_SCOPE} or the organization's id
 * @param organizationId the organization whose own app it is; {@code null} for the default app
 * @param usage how many Spotify accounts (not disconnected) use the app
 */
public record SpotifyAppView(
    UUID id,
    String scope,
    UUID organizationId,
    String clientId,
    boolean secretSet,
    int userLimit,
    long usage,
    Instant updatedAt) {

  public SpotifyAppView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  static SpotifyAppView of(SpotifyApp app, long usage) {
    return new SpotifyAppView(
        app.id(),
        app.scopeKey(),
        app.organizationId().orElse(null),
        app.clientId(),
        app.secretSet(),
        app.userLimit(),
        usage,
        app.updatedAt());
  }

  public boolean isDefault() {
    return organizationId == null;
  }

  /** No room for another Spotify user: connecting a new one will likely fail at Spotify. */
  public boolean atLimit() {
    return usage >= userLimit;
  }

  /**
   * One user short of the limit, or within a fifth of it for large limits: time to ask Spotify for
   * an extension or bring an organization's own app.
   */
  public boolean nearLimit() {
    long margin = Math.max(1, userLimit / 5);
    return !atLimit() && usage > 0 && usage >= userLimit - margin;
  }
}
