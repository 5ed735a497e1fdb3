package dev.marquee.admin.boundary;

import dev.marquee.admin.entity.AdminCredentials;
import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.throttle.control.Throttles;
import dev.marquee.throttle.entity.Throttle;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles and audits sign-in attempts. Every attempt is counted before its password is checked,
 * per typed username and per client address, in one transaction that holds both throttle rows
 * locked ({@link Throttles}): however many attempts arrive at once, on however many nodes, at most
 * the limit of them are checked within any window (a sliding window: an attempt counts for the
 * window's length after it). A success gives its attempt back to the address and ends the
 * username's count (failures since the last success count); a failure stays counted, and so does an
 * attempt whose outcome was never recorded (a node that died meanwhile).
 */
@Stateless
public class SignIns {

  /** Throttle key prefixes; with the actor or the address appended. */
  static final String USERNAME_KEY = "sign-in username ";

  static final String ADDRESS_KEY = "sign-in address ";

  @Inject AuditLog audit;

  @Inject ConsoleAccounts accounts;

  @Inject Throttles throttles;

  @Inject
  @ConfigProperty(name = "marquee.signin.max-failures-per-account", defaultValue = "5")
  int maxFailuresPerAccount;

  @Inject
  @ConfigProperty(name = "marquee.signin.max-failures-per-address", defaultValue = "20")
  int maxFailuresPerAddress;

  @Inject
  @ConfigProperty(name = "marquee.signin.throttle-window", defaultValue = "PT15M")
  Duration window;

  Clock clock = Clock.systemUTC();

  /**
   * Admits one sign-in attempt, counting it for the typed username and for the address, or refuses
   * it (audited) when either has used up its attempts in the running window. Only an admitted
   * attempt may check the password, and its outcome must then be recorded with {@link #succeeded}
   * or {@link #failed}.
   *
   * @return why the attempt is refused, in words; empty when it is admitted
   */
  public Optional<String> admit(String typedUsername, String address) {
    Instant now = clock.instant();
    String actor = AdminCredentials.actorOf(typedUsername);
    // Always the username's throttle first, then the address's: no two deciders wait on each other.
    Throttle username = throttles.locked(USERNAME_KEY + actor, now);
    Throttle from = throttles.locked(ADDRESS_KEY + address, now);
    boolean usernameFull = username.full(maxFailuresPerAccount, window, now);
    if (!usernameFull && !from.full(maxFailuresPerAddress, window, now)) {
      username.count(maxFailuresPerAccount, window, now);
      from.count(maxFailuresPerAddress, window, now);
      return Optional.empty();
    }
    audit.record(
        AuditAction.SIGN_IN_THROTTLED,
        organizationOf(actor),
        actor,
        address,
        usernameFull ? "too many failures for this username" : "too many failures from here");
    Instant again =
        usernameFull
            ? username.admitsAgainAt(maxFailuresPerAccount, window, now)
            : from.admitsAgainAt(maxFailuresPerAddress, window, now);
    long minutes = Math.max(1, (Duration.between(now, again).toSeconds() + 59) / 60);
    return Optional.of(
        "Too many failed sign-ins. Wait "
            + minutes
            + (minutes == 1 ? " minute" : " minutes")
            + ", then try again.");
  }

  /**
   * Records a successful sign-in: the username's failures stop counting, and the attempt is given
   * back to the address.
   */
  public void succeeded(String username, String address) {
    Instant now = clock.instant();
    String actor = AdminCredentials.actorOf(username);
    throttles.locked(USERNAME_KEY + actor, now).clear();
    throttles.locked(ADDRESS_KEY + address, now).giveBack();
    audit.record(AuditAction.SIGN_IN, organizationOf(actor), actor, address, null);
  }

  /** Records a failed sign-in; {@link #admit} counted it already. */
  public void failed(String typedUsername, String address) {
    String actor = AdminCredentials.actorOf(typedUsername);
    audit.record(AuditAction.SIGN_IN_FAILED, organizationOf(actor), actor, address, null);
  }

  /** Records a sign-out. */
  public void signedOut(AdminView admin, String address) {
    audit.record(AuditAction.SIGN_OUT, admin.organizationId(), admin.username(), address, null);
  }

  private UUID organizationOf(String actor) {
    return accounts.organizationOf(actor).orElse(null);
  }
}
