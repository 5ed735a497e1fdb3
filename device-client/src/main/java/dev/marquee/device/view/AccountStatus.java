package dev.marquee.device.view;

/** The {@code status} of the shown source, as the server reports it. */
public enum AccountStatus {
  /** Spotify answers; the state is fresh. */
  LIVE,
  /** Spotify has not answered for a while: the last state stays, marked. */
  STALE,
  /** An admin must reconnect the Spotify account: a discreet mark. */
  NEEDS_RECONNECT,
  /** Not polled yet. */
  WAITING;

  /** The status a state names; {@link #WAITING} for anything this client does not know. */
  public static AccountStatus of(String value) {
    for (AccountStatus status : values()) {
      if (status.name().equals(value)) {
        return status;
      }
    }
    return WAITING;
  }
}
