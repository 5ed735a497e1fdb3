package dev.marquee.console.spotify;

import java.util.Optional;
import java.util.UUID;

/** Ids that arrive in URLs and form fields: anything that is not a UUID names nothing. */
final class OrganizationParameter {

  private OrganizationParameter() {}

  static Optional<UUID> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.strip()));
    } catch (IllegalArgumentException e) {
      // Not an id at all: the same answer as an id of nothing.
      return Optional.of(new UUID(0, 0));
    }
  }
}
