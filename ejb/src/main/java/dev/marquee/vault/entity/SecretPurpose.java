package dev.marquee.vault.entity;

/**
 * What a sealed secret is for. The purpose is part of what a ciphertext is bound to, so a value
 * sealed as one kind of secret cannot be opened as another (an access token copied into the refresh
 * token column does not decrypt).
 */
public enum SecretPurpose {
  SPOTIFY_ACCESS_TOKEN("spotify-access-token"),
  SPOTIFY_REFRESH_TOKEN("spotify-refresh-token"),
  SPOTIFY_CLIENT_SECRET("spotify-client-secret"),
  /** The PKCE code verifier of a Spotify connect flow in progress, owned by its state digest. */
  SPOTIFY_PKCE_VERIFIER("spotify-pkce-verifier");

  private final String id;

  SecretPurpose(String id) {
    this.id = id;
  }

  /**
   * The stable name that goes into the associated data. It is spelled out rather than taken from
   * {@link #name()} so that renaming a constant cannot make stored values unreadable; never change
   * an existing one. Ids contain no {@code |}, which keeps the associated data unambiguous.
   */
  public String id() {
    return id;
  }
}
