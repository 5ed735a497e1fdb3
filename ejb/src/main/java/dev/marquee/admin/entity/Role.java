package dev.marquee.admin.entity;

/** What a console account may do. Stored by name. */
public enum Role {
  /** Every organization, the Spotify apps, inviting admins. */
  NETWORK_ADMIN("network-admin"),
  /** One organization: its Spotify accounts and its own Spotify app. */
  ORGANIZATION_ADMIN("organization-admin");

  private final String group;

  Role(String group) {
    this.group = group;
  }

  /** The Jakarta Security group (and role) name. */
  public String group() {
    return group;
  }
}
