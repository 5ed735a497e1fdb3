package dev.marquee.sandbox.accounts;

import java.net.URI;

/** The result of validating an {@code /authorize} request. */
public sealed interface AuthorizeOutcome {

  /** The request is fine: ask the user. */
  record Valid(AuthorizeRequest request) implements AuthorizeOutcome {}

  /**
   * The client or redirect URI cannot be trusted, so Spotify shows an error page instead of
   * redirecting (e.g. {@code INVALID_CLIENT: Invalid redirect URI}).
   */
  record ErrorPage(int status, String message) implements AuthorizeOutcome {}

  /** Any other problem is reported to the client by redirecting with {@code error=...}. */
  record ErrorRedirect(URI location) implements AuthorizeOutcome {}
}
