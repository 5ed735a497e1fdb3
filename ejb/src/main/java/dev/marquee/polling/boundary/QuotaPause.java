package dev.marquee.polling.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * A Spotify app that Spotify refused for quota ({@code 429 QUOTA_EXCEEDED}): Marquee polls none of
 * its accounts until {@code until}. The console raises it as an alert on every page.
 *
 * @param clientId the app's client id, which admins recognize from Spotify's dashboard
 * @param reason what Spotify said, in words
 */
public record QuotaPause(UUID appId, String clientId, Instant until, String reason) {}
