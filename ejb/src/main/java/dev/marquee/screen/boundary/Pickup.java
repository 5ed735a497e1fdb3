package dev.marquee.screen.boundary;

import java.util.UUID;

/** What a waiting screen learns when it asks for its device token. */
public sealed interface Pickup {

  /** Not claimed yet: ask again in a few seconds. */
  record Waiting() implements Pickup {}

  /** Claimed: the device token, handed out this once. */
  record Paired(UUID screenId, String deviceToken) implements Pickup {
    @Override
    public String toString() {
      return "Paired[" + screenId + "]";
    }
  }

  /** Expired, burned or already picked up: start over with a new code. */
  record Gone() implements Pickup {}
}
