package dev.marquee.screen.boundary;

import java.util.UUID;

/** Who is at the other end of a feed connection, once its device token was accepted. */
public record ScreenIdentity(UUID screenId, UUID configurationId, String name) {}
