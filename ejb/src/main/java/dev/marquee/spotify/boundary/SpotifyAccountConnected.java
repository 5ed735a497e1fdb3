package dev.marquee.spotify.boundary;

import java.util.UUID;

/**
 * A Spotify account was connected, or connected again: fired inside the transaction that stores its
 * tokens, so the poller's schedule for it is written (or resumed) in the same transaction.
 */
public record SpotifyAccountConnected(UUID accountId) {}
