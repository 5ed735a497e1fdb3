package dev.marquee.audit.entity;

/** What an audit event records. Stored by name: never rename a constant, add a new one instead. */
public enum AuditAction {
  SIGN_IN("Signed in"),
  SIGN_IN_FAILED("Sign-in failed"),
  SIGN_IN_THROTTLED("Sign-in refused: too many failures"),
  SIGN_OUT("Signed out"),
  SETUP("First-run setup completed"),
  SETUP_FAILED("First-run setup refused"),
  ORGANIZATION_CREATED("Organization created"),
  INVITE_CREATED("Invite created"),
  INVITE_ACCEPTED("Invite accepted"),
  INVITE_FAILED("Invite refused"),
  SPOTIFY_APP_SAVED("Spotify app credentials saved"),
  SPOTIFY_APP_TESTED("Spotify app credentials tested"),
  SPOTIFY_CONNECTED("Spotify account connected"),
  SPOTIFY_CONNECT_FAILED("Spotify connect failed"),
  SPOTIFY_DISCONNECTED("Spotify account disconnected"),
  SPOTIFY_REFRESH_FAILED("Spotify token refresh failed"),
  WIDGET_CONFIGURATION_SAVED("Widget configuration saved"),
  WIDGET_CONFIGURATION_DELETED("Widget configuration deleted"),
  SCREEN_PAIRED("Screen paired"),
  PAIRING_FAILED("Pairing refused: no screen waits with that code"),
  SCREEN_CHANGED("Screen renamed or moved"),
  SCREEN_REVOKED("Screen revoked"),
  SCREEN_DELETED("Screen deleted");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  /** The words the audit page shows. */
  public String label() {
    return label;
  }
}
