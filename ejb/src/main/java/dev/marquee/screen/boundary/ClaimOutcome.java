package dev.marquee.screen.boundary;

/** How an admin's claim of a pairing code ended. */
public sealed interface ClaimOutcome {

  /** The waiting screen is now this screen. */
  record Paired(ScreenView screen) implements ClaimOutcome {}

  /** No screen waits with that code (wrong, expired or used: the admin is not told which). */
  record Refused(String reason) implements ClaimOutcome {}
}
