package dev.marquee.sandbox.users;

import dev.marquee.sandbox.playback.Player;
import java.util.Objects;

/** A sandbox user together with their scripted player. */
public record SandboxAccount(SandboxUser user, Player player) {

  public SandboxAccount {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(player, "player");
  }

  public String id() {
    return user.id();
  }
}
