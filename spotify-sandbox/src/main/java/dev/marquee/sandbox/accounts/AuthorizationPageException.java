package dev.marquee.sandbox.accounts;

/**
 * Thrown by the approve shortcut when {@code /authorize} would show an error page instead of
 * redirecting back to the app.
 */
public final class AuthorizationPageException extends IllegalArgumentException {

  private final int status;

  public AuthorizationPageException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
