package dev.marquee.organization.entity;

import java.util.Locale;

/**
 * The rules an organization's name follows, in one place for the entity and its forms. Names are
 * trimmed, and two names are the same name when they differ only in case ({@link #key}): " org a "
 * and "Org A" cannot name two organizations.
 */
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

  /**
   * The name as Marquee compares names: as stored ({@link #of}), lower-cased without regard to the
   * server's locale. The database keeps it unique ({@code organization.name_key}).
   *
   * @throws InvalidOrganizationNameException naming what is wrong
   */
  public static String key(String candidate) {
    return of(candidate).toLowerCase(Locale.ROOT);
  }
}
