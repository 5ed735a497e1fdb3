package dev.marquee.sandbox.users;

import dev.marquee.sandbox.playback.PlayableItem;
import dev.marquee.sandbox.playback.Player;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The sandbox's users and their players. Thread-safe. */
public final class UserDirectory {

  private final Clock clock;
  private final ConcurrentMap<String, SandboxAccount> accounts = new ConcurrentHashMap<>();

  public UserDirectory(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds a user with an empty, stopped player.
   *
   * @throws IllegalArgumentException when the id is taken
   */
  public SandboxAccount create(SandboxUser user) {
    SandboxAccount account = new SandboxAccount(user, new Player(clock));
    if (accounts.putIfAbsent(user.id(), account) != null) {
      throw new IllegalArgumentException("A user with id " + user.id() + " already exists");
    }
    return account;
  }

  public Optional<SandboxAccount> find(String userId) {
    return userId == null ? Optional.empty() : Optional.ofNullable(accounts.get(userId));
  }

  /**
   * The account or an exception naming the unknown id.
   *
   * @throws UnknownUserException when there is no such user
   */
  public SandboxAccount require(String userId) {
    return find(userId).orElseThrow(() -> new UnknownUserException(userId));
  }

  /** All accounts ordered by id, so pages and listings are stable. */
  public List<SandboxAccount> all() {
    Collection<SandboxAccount> values = accounts.values();
    return values.stream().sorted(Comparator.comparing(SandboxAccount::id)).toList();
  }

  /**
   * The title to draw on the artwork with this id: a user's display name, or the album or show of
   * an item in someone's queue.
   */
  public Optional<String> artworkTitle(String artworkId) {
    SandboxAccount owner = accounts.get(artworkId);
    if (owner != null) {
      return Optional.of(owner.user().displayName());
    }
    for (SandboxAccount account : accounts.values()) {
      for (PlayableItem item : account.player().queue()) {
        if (item.artworkId().equals(artworkId)) {
          return Optional.of(item.artworkTitle());
        }
      }
    }
    return Optional.empty();
  }

  /** Thrown when an operation names a user the sandbox does not know. */
  public static final class UnknownUserException extends IllegalArgumentException {
    public UnknownUserException(String userId) {
      super("Unknown sandbox user: " + userId);
    }
  }
}
