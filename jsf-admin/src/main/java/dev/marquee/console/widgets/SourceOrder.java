package dev.marquee.console.widgets;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Spotify accounts a configuration shows, in the order screens try them, as the form edits it:
 * an account is added at the end, moved one place up or down, or removed. Each change names an
 * account the organization has; one that does not fit (an account not of the organization, one
 * already shown, a move past either end) is refused and the order stays as it was.
 */
final class SourceOrder implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A change of the order that cannot be made; the message says why, naming the account. */
  static final class InvalidOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidOrderException(String message) {
      super(message);
    }
  }

  private final ArrayList<UUID> shown = new ArrayList<>();

  /** The order of a stored configuration; none for a new one. */
  static SourceOrder of(List<UUID> sources) {
    SourceOrder order = new SourceOrder();
    order.shown.addAll(sources);
    return order;
  }

  /**
   * The order the form sent in its order field: account ids, comma-separated, first tried first.
   *
   * @param names the organization's accounts by id: nothing else can be in the order
   * @throws InvalidOrderException for anything but distinct ids of those accounts
   */
  static SourceOrder parse(String field, Map<UUID, String> names) {
    SourceOrder order = new SourceOrder();
    if (field == null || field.isBlank()) {
      return order;
    }
    for (String part : field.split(",", -1)) {
      UUID account;
      try {
        account = UUID.fromString(part.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidOrderException("The order of the accounts is not a list of accounts.");
      }
      order.add(account, names);
    }
    return order;
  }

  /** The order as the form's order field carries it. */
  String field() {
    return String.join(",", shown.stream().map(UUID::toString).toList());
  }

  List<UUID> accounts() {
    return List.copyOf(shown);
  }

  boolean shows(UUID account) {
    return shown.contains(account);
  }

  /**
   * Shows an account after the others.
   *
   * @param names the organization's accounts by id: nothing else can be added
   */
  void add(UUID account, Map<UUID, String> names) {
    if (account == null || !names.containsKey(account)) {
      throw new InvalidOrderException("That is not one of this organization's Spotify accounts.");
    }
    if (shown.contains(account)) {
      throw new InvalidOrderException(names.get(account) + " is shown already.");
    }
    shown.add(account);
  }

  void remove(UUID account, Map<UUID, String> names) {
    shown.remove(indexOf(account, names));
  }

  void up(UUID account, Map<UUID, String> names) {
    int at = indexOf(account, names);
    if (at == 0) {
      throw new InvalidOrderException(names.get(account) + " is tried first already.");
    }
    shown.add(at - 1, shown.remove(at));
  }

  void down(UUID account, Map<UUID, String> names) {
    int at = indexOf(account, names);
    if (at == shown.size() - 1) {
      throw new InvalidOrderException(names.get(account) + " is tried last already.");
    }
    shown.add(at + 1, shown.remove(at));
  }

  private int indexOf(UUID account, Map<UUID, String> names) {
    int at = account == null ? -1 : shown.indexOf(account);
    if (at < 0) {
      throw new InvalidOrderException(
          names.containsKey(account)
              ? names.get(account) + " is not shown; add it first."
              : "That is not one of the Spotify accounts this configuration shows.");
    }
    return at;
  }
}
