package dev.marquee.spotify.boundary;

import java.util.Objects;
import java.util.UUID;

/**
 * How Spotify's redirect back to Marquee ended: an account connected, or why not and what to do, in
 * words for the admin. A failed connect stored nothing.
 *
 * @param reason what happened
 * @param message one or two sentences for the console; never a token, code or secret
 * @param accountId the connected account; {@code null} unless {@link #succeeded()}
 * @param displayName the connected account's name on Spotify; {@code null} unless {@link
 *     #succeeded()}
 */
public record ConnectOutcome(Reason reason, String message, UUID accountId, String displayName) {

  /** What happened to a connect attempt. */
  public enum Reason {
    CONNECTED,
    /** The Spotify user chose Cancel on Spotify's consent page ({@code access_denied}). */
    DENIED,
    /** Spotify redirected back with another error. */
    SPOTIFY_ERROR,
    /** The redirect had no {@code state}. */
    MISSING_STATE,
    /** No such attempt: never started here, or already used. */
    UNKNOWN_STATE,
    /** The attempt is older than ten minutes. */
    EXPIRED,
    /** The attempt was started in another session or by another admin. */
    OTHER_SESSION,
    /** Spotify refused the authorization code. */
    CODE_REJECTED,
    /** Spotify did not answer usably (5xx, 429, timeouts, no connection). */
    SPOTIFY_UNAVAILABLE,
    /** Spotify refused the app's client id and secret. */
    APP_REJECTED,
    /** Spotify refused this user for the app (403), e.g. not added to a development-mode app. */
    USER_NOT_ALLOWED,
    /** The app's stored secret could not be opened. */
    APP_SECRET_UNREADABLE,
    /** Any other answer from Spotify. */
    UNEXPECTED
  }

  public ConnectOutcome {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    if ((reason == Reason.CONNECTED) != (accountId != null)) {
      throw new IllegalArgumentException("An account id comes with a successful connect only");
    }
  }

  public static ConnectOutcome connected(UUID accountId, String displayName) {
    return new ConnectOutcome(
        Reason.CONNECTED,
        "Connected the Spotify account " + displayName + ". Screens can show what it plays.",
        Objects.requireNonNull(accountId, "accountId"),
        displayName);
  }

  /**
   * A failure with the standard message for its reason.
   *
   * @param detail a few words from Marquee (never from the request) on what Spotify said, or {@code
   *     null}; used by {@link Reason#SPOTIFY_ERROR}, {@link Reason#SPOTIFY_UNAVAILABLE} and {@link
   *     Reason#UNEXPECTED}
   */
  public static ConnectOutcome failed(Reason reason, String detail) {
    if (reason == Reason.CONNECTED) {
      throw new IllegalArgumentException("Not a failure: " + reason);
    }
    return new ConnectOutcome(reason, messageFor(reason, detail), null, null);
  }

  public boolean succeeded() {
    return reason == Reason.CONNECTED;
  }

  static String messageFor(Reason reason, String detail) {
    String said = detail == null || detail.isBlank() ? "" : " (" + detail + ")";
    String again = " Nothing was stored; start connecting again from the Spotify accounts page.";
    return switch (reason) {
      case CONNECTED -> "Connected.";
      case DENIED ->
          "The Spotify account was not connected: access was not allowed on Spotify's page. To"
              + " connect it, start again and choose Agree.";
      case SPOTIFY_ERROR -> "Spotify could not complete the connection" + said + "." + again;
      case MISSING_STATE ->
          "This link back from Spotify is incomplete (it has no state), so Marquee cannot tell"
              + " which connection it belongs to."
              + again;
      case UNKNOWN_STATE ->
          "This link back from Spotify is unknown or was already used; each link works once."
              + again;
      case EXPIRED ->
          "This connection was started more than 10 minutes ago and has expired." + again;
      case OTHER_SESSION ->
          "This link back from Spotify belongs to a connection started in another sign-in"
              + " session. Finish it in the browser where you started it, or start again here.";
      case CODE_REJECTED ->
          "Spotify refused the authorization code (it may have been used already or be too"
              + " old)."
              + again;
      case SPOTIFY_UNAVAILABLE ->
          "Spotify is unavailable right now"
              + said
              + ". Nothing was stored; try connecting again in a few minutes.";
      case APP_REJECTED ->
          "Spotify refused the Spotify app's client id and secret. Check them under Spotify app"
              + " (use Test), then connect again. Nothing was stored.";
      case USER_NOT_ALLOWED ->
          "Spotify refused access to this Spotify user for the app. In development mode, add the"
              + " user under User Management in the app's developer dashboard, then connect"
              + " again. Nothing was stored.";
      case APP_SECRET_UNREADABLE ->
          "Marquee could not read the Spotify app's stored client secret (the vault key that"
              + " sealed it is gone). Enter the client secret again under Spotify app, then"
              + " connect. Nothing was stored.";
      case UNEXPECTED ->
          "Spotify gave an unexpected answer"
              + said
              + ". Nothing was stored; try again, and if it keeps happening check the server"
              + " log.";
    };
  }
}
