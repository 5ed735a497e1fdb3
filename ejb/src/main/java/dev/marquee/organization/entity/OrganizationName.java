package dev.marquee.organization.entity;

/** The rules an organization's name follows, in one place for the entity and its forms. */
public final class OrganizationName {

  public static final int MAX_LENGTH = 100;

  private OrganizationName() {}

  /**
   * The name as stored: surrounding white space removed.
   *
   * @throws InvalidOrganizationNameException naming what is wrong
   */
  public static String of(String candidate) {
    if (candidate == null || candidate.isBlank()) {
      throw new InvalidOrganizationNameException("An organization needs a name.");
    }
    String name = candidate.strip();
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      throw new InvalidOrganizationNameException(
          "An organization's name has at most " + MAX_LENGTH + " characters.");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidOrganizationNameException(
          "An organization's name cannot contain control characters.");
    }
    return name;
  }
}
