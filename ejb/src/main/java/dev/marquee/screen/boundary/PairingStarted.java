package dev.marquee.screen.boundary;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * What an unpaired screen gets: the code to show, the console address that claims it (for the QR
 * code), and the id and secret it picks its device token up with once claimed.
 */
public record PairingStarted(
    UUID pairingId, String code, String secret, URI claimUri, Instant expiresAt) {

  @Override
  public String toString() {
    // The secret never reaches a log line through a careless toString.
    return "PairingStarted[" + pairingId + ", expires " + expiresAt + "]";
  }
}
