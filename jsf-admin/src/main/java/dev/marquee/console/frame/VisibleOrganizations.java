package dev.marquee.console.frame;

import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.Organization;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The organizations the signed-in admin may see, read once per request: pages list them in menus
 * and name them in every table row.
 */
@RequestScoped
public class VisibleOrganizations {

  @Inject Organizations organizations;

  @Inject CurrentAdmin currentAdmin;

  private List<Organization> visible;
  private Map<UUID, String> names;

  public List<Organization> list() {
    if (visible == null) {
      visible = organizations.visibleTo(currentAdmin.require());
    }
    return visible;
  }

  /** Names by id. */
  public Map<UUID, String> names() {
    if (names == null) {
      names =
          list().stream()
              .collect(Collectors.toMap(Organization::id, Organization::name, (a, b) -> a));
    }
    return names;
  }
}
