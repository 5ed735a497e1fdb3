package dev.marquee.spotify.entity;

import jakarta.ejb.ApplicationException;

/**
 * Spotify app settings Marquee refuses to store (blank or oversize client id or secret, a user
 * limit out of range). The message says what to fix, in words fit for the console, and never quotes
 * the secret; nothing was changed.
 */
@ApplicationException(rollback = true)
public class InvalidSpotifyAppException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidSpotifyAppException(String message) {
    super(message);
  }
}
