package dev.marquee.screen.boundary;

import java.util.UUID;

/**
 * A screen was renamed, moved to another configuration or group, revoked or deleted. Fired inside
 * the transaction that changed it; the live feed observes it after success and reads the screen
 * again, so it never acts on a change that was rolled back.
 */
public record ScreenChanged(UUID screenId) {}
