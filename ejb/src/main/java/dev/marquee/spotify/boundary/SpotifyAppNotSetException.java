package dev.marquee.spotify.boundary;

import jakarta.ejb.ApplicationException;

/** Connecting needs a usable Spotify app, and neither the organization nor the network has one. */
@ApplicationException(rollback = true)
public class SpotifyAppNotSetException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SpotifyAppNotSetException() {
    super(
        "Set the Spotify app credentials first: enter the client id and secret of an app from"
            + " Spotify's developer dashboard under Spotify app, then connect.");
  }

  /** The app exists but cannot be used as it is; the message says what to do. */
  public SpotifyAppNotSetException(String message) {
    super(message);
  }
}
