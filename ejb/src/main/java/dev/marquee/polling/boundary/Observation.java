package dev.marquee.polling.boundary;

import dev.marquee.polling.control.PlayerAnswer;

/**
 * What one poll found out, ready to be recorded: Spotify's answer, or that the account can no
 * longer be polled, and how many calls to Spotify's Web API it took (a 401 retried takes two).
 */
public record Observation(Kind kind, PlayerAnswer answer, int calls, String tokenProblem) {

  /** Whether Spotify was asked, or why not. */
  public enum Kind {
    ANSWERED,
    /** The token service says an admin must reconnect (or disconnected) the account. */
    NEEDS_RECONNECT,
    /** No token right now (the accounts service is down or refused the app): retry later. */
    NO_TOKEN
  }

  public static Observation answered(PlayerAnswer answer, int calls) {
    return new Observation(Kind.ANSWERED, answer, calls, null);
  }

  public static Observation needsReconnect(String why) {
    return new Observation(Kind.NEEDS_RECONNECT, null, 0, why);
  }

  public static Observation noToken(String why) {
    return new Observation(Kind.NO_TOKEN, null, 0, why);
  }
}
