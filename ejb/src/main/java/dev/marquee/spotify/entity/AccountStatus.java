package dev.marquee.spotify.entity;

/** Where a connected Spotify account stands. Stored by name: never rename a constant. */
public enum AccountStatus {
  /** Tokens are stored and usable. */
  CONNECTED,
  /**
   * Spotify refused the refresh token (revoked, or six months after the authorization): the tokens
   * are gone and an admin must connect the account again.
   */
  NEEDS_RECONNECT,
  /** An admin disconnected it: the tokens are deleted, the row stays for the record. */
  DISCONNECTED
}
