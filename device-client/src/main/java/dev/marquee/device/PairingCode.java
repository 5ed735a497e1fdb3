package dev.marquee.device;

import java.time.Instant;

/**
 * A pairing code the server handed out, waiting for an admin to claim it.
 *
 * @param pairingId where to pick the token up
 * @param code what the screen shows, {@code K7QX-M4PD}
 * @param secret proves the pickup comes from this screen; never shown, never logged
 * @param claimUrl the console link the QR code carries
 * @param expiresAt when the code stops being claimable
 */
record PairingCode(
    String pairingId, String code, String secret, String claimUrl, Instant expiresAt) {

  /** Without the secret: this ends up in logs. */
  @Override
  public String toString() {
    return "PairingCode[" + code + ", expires " + expiresAt + "]";
  }
}
