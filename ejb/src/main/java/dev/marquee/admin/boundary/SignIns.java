package dev.marquee.admin.boundary;

import dev.marquee.admin.entity.AdminCredentials;
import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditAction;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles and audits sign-in attempts. Failures are counted from the audit log (so every node of
 * a cluster sees the same count) per typed username since its last success, and per client address;
 * past either limit, sign-ins are refused without checking the password until the window passes.
 */
@Stateless
public class SignIns {

  @Inject AuditLog audit;

  @Inject ConsoleAccounts accounts;

  @Inject EntityManager em;

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
   * Why a sign-in must be refused before the password is checked, in words; empty when it may
   * proceed. A refusal is audited.
   */
  public Optional<String> refusal(String typedUsername, String address) {
    String actor = AdminCredentials.actorOf(typedUsername);
    Instant windowStart = clock.instant().minus(window);
    Instant lastSuccess = audit.latestByActor(AuditAction.SIGN_IN, actor);
    Instant since = lastSuccess.isAfter(windowStart) ? lastSuccess : windowStart;
    boolean accountLimit =
        audit.countByActorSince(AuditAction.SIGN_IN_FAILED, actor, since) >= maxFailuresPerAccount;
    boolean addressLimit =
        audit.countByAddressSince(AuditAction.SIGN_IN_FAILED, address, windowStart)
            >= maxFailuresPerAddress;
    if (!accountLimit && !addressLimit) {
      return Optional.empty();
    }
    audit.record(
        AuditAction.SIGN_IN_THROTTLED,
        organizationOf(actor),
        actor,
        address,
        accountLimit ? "too many failures for this username" : "too many failures from here");
    return Optional.of(
        "Too many failed sign-ins. Wait "
            + Math.max(1, window.toMinutes())
            + " minutes, then try again.");
  }

  /** Records a successful sign-in; earlier failures of the name stop counting. */
  public void succeeded(String username, String address) {
    String actor = AdminCredentials.actorOf(username);
    audit.record(AuditAction.SIGN_IN, organizationOf(actor), actor, address, null);
  }

  /** Records a failed sign-in; it counts toward the limits. */
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
