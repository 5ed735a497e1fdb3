package dev.marquee.admin.boundary;

import dev.marquee.admin.entity.Role;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed-in admin as features see them: who, with which role, for which organization. Every
 * query a feature makes on an admin's behalf is limited with {@link #canManage(UUID)} or {@link
 * #organizationId()}.
 *
 * @param organizationId the admin's own organization (a network admin's home organization)
 */
public record AdminView(UUID id, String username, Role role, UUID organizationId) {

  public AdminView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(organizationId, "organizationId");
  }

  public boolean isNetworkAdmin() {
    return role == Role.NETWORK_ADMIN;
  }

  /** Whether this admin may see and change what belongs to the organization. */
  public boolean canManage(UUID organization) {
    return isNetworkAdmin() || organizationId.equals(organization);
  }
}
