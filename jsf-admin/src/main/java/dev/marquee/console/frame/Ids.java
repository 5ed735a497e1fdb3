package dev.marquee.console.frame;

import dev.marquee.platform.boundary.NotFoundException;
import java.util.Optional;
import java.util.UUID;

/** Ids that arrive in URLs and form fields: anything that is not a UUID names nothing. */
public final class Ids {

  private Ids() {}

  /** Empty when nothing was given; an id of nothing when what was given is not a UUID. */
  public static Optional<UUID> parse(String value) {
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

  /**
   * The id given, which must name something.
   *
   * @throws NotFoundException ("{@code what} not found") when nothing or no UUID was given
   */
  public static UUID require(String value, String what) {
    return parse(value)
        .filter(id -> !id.equals(new UUID(0, 0)))
        .orElseThrow(() -> new NotFoundException(what));
  }
}
