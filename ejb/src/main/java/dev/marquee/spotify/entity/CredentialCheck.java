package dev.marquee.spotify.entity;

import java.util.Objects;

/**
 * The answer to "do these Spotify app credentials work?", in words an admin understands.
 *
 * @param outcome what happened
 * @param message one or two sentences for the console; never contains the secret
 */
public record CredentialCheck(Outcome outcome, String message) {

  /** What Spotify's token endpoint said about the client id and secret. */
  public enum Outcome {
    /** Spotify issued a token: the id and secret are right. */
    OK,
    /** Spotify refused the id and secret ({@code invalid_client}). */
    REJECTED,
    /** No usable answer: no connection, a timeout, a server error or an unreadable answer. */
    UNREACHABLE,
    /** Spotify answered, but not in a way this client understands. */
    UNEXPECTED
  }

  public CredentialCheck {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
  }

  public boolean ok() {
    return outcome == Outcome.OK;
  }
}
