package dev.marquee.screen.boundary;

import static dev.marquee.database.control.Columns.utc;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.control.OneTimeSecrets;
import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.platform.boundary.PublicUrl;
import dev.marquee.screen.control.PairingCodes;
import dev.marquee.screen.entity.PairingRequest;
import dev.marquee.screen.entity.Screen;
import dev.marquee.throttle.control.Throttles;
import dev.marquee.throttle.entity.Throttle;
import dev.marquee.widget.boundary.WidgetConfigurationView;
import dev.marquee.widget.boundary.WidgetConfigurations;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pairing a screen: it asks for a code and shows it; an admin claims the code in the console,
 * naming the screen and choosing its widget configuration; the screen then picks its device token
 * up once with the secret only it holds. The token (256 bits) is made at pickup and only its digest
 * is stored.
 */
@Stateless
public class Pairings {

  /** Open (unclaimed, unexpired) codes one address may hold at once. */
  public static final int MAX_OPEN_PER_ADDRESS = 5;

  /**
   * Failed claims one admin address may make within any {@link #CLAIM_WINDOW} (a sliding window).
   */
  public static final int MAX_FAILED_CLAIMS = 10;

  public static final Duration CLAIM_WINDOW = Duration.ofMinutes(10);

  /** Throttle key prefix of failed claims, with the admin's address appended. */
  static final String CLAIM_KEY = "pairing claim address ";

  /** The claim link a waiting screen shows as a QR code (the console's ClaimLinkServlet). */
  static final String CLAIM_PATH = "/claim";

  @Inject EntityManager em;

  @Inject WidgetConfigurations configurations;

  @Inject AuditLog audit;

  @Inject PublicUrl publicUrl;

  @Inject Throttles throttles;

  /**
   * The longest a screen refused a code is told to wait before it asks again: a code at its address
   * may be claimed (freeing a place) long before the oldest one expires.
   */
  @Inject
  @ConfigProperty(name = "marquee.pairing.busy-retry", defaultValue = "PT1M")
  Duration busyRetry;

  Clock clock = Clock.systemUTC();

  /**
   * A new pairing code for a screen at {@code clientAddress}.
   *
   * @throws PairingBusyException when that address already holds too many open codes, with when to
   *     ask again
   */
  public PairingStarted start(String clientAddress, String client) {
    Instant now = clock.instant();
    String address = clientAddress == null ? "unknown" : clientAddress;
    // Requests past their code and pickup windows are worthless: each new request sweeps them.
    em.createNamedQuery(PairingRequest.EXPIRED)
        .setParameter("before", utc(now.minus(PairingRequest.PICKUP_WINDOW)))
        .executeUpdate();
    long open =
        em.createNamedQuery(PairingRequest.OPEN_FROM_ADDRESS, Long.class)
            .setParameter("address", address)
            .setParameter("now", utc(now))
            .getSingleResult();
    if (open >= MAX_OPEN_PER_ADDRESS) {
      throw new PairingBusyException(
          "Too many screens at this address are waiting to be paired; this one asks again"
              + " later.",
          retryAfter(address, now));
    }
    String code = PairingCodes.next();
    String secret = OneTimeSecrets.token();
    PairingRequest request =
        new PairingRequest(
            OneTimeSecrets.digest(PairingCodes.normalize(code)),
            OneTimeSecrets.digest(secret),
            address,
            client,
            now);
    em.persist(request);
    return new PairingStarted(request.id(), code, secret, claimUri(code), request.expiresAt());
  }

  /**
   * When a refused screen asks again: when the first open code of its address expires (a place is
   * free then), or sooner, after {@code marquee.pairing.busy-retry}; at least a second.
   */
  private Duration retryAfter(String address, Instant now) {
    Duration untilFirstExpiry =
        em.createNamedQuery(PairingRequest.FIRST_EXPIRY_FROM_ADDRESS, OffsetDateTime.class)
            .setParameter("address", address)
            .setParameter("now", utc(now))
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .map(expiry -> Duration.between(now, expiry.toInstant()))
            .orElse(Duration.ZERO);
    Duration wait = untilFirstExpiry.compareTo(busyRetry) < 0 ? untilFirstExpiry : busyRetry;
    return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
  }

  /**
   * Where a screen's QR code points: the console's claim link for the code it shows.
   *
   * @throws PairingRefusedException when the text could not be a pairing code
   */
  public URI claimUri(String code) {
    String normalized = PairingCodes.normalize(code == null ? "" : code);
    if (!PairingCodes.wellFormed(normalized)) {
      throw new PairingRefusedException("That is not a pairing code.");
    }
    return publicUrl.resolve(CLAIM_PATH + "?code=" + PairingCodes.display(normalized));
  }

  /**
   * An admin claims a code: the waiting screen becomes a screen of the configuration's
   * organization.
   *
   * @return the new screen, or the refusal of a wrong, expired or used code (audited)
   * @throws PairingRefusedException after too many failed claims from the admin's address
   * @throws NotFoundException for a configuration the admin cannot use
   */
  public ClaimOutcome claim(
      AdminView admin,
      String typedCode,
      String name,
      UUID configurationId,
      String group,
      String adminAddress) {
    Instant now = clock.instant();
    String address = adminAddress == null ? "unknown" : adminAddress;
    // Held until this claim commits: concurrent claims from the address, on any node, are
    // decided one after the other, each seeing the failures counted before it.
    Throttle failures = throttles.locked(CLAIM_KEY + address, now);
    if (failures.full(MAX_FAILED_CLAIMS, CLAIM_WINDOW, now)) {
      throw new PairingRefusedException(
          "Too many wrong pairing codes from this address; wait a few minutes.");
    }
    WidgetConfigurationView configuration = configurations.find(admin, configurationId);
    String normalized = PairingCodes.normalize(typedCode);
    Optional<PairingRequest> request =
        PairingCodes.wellFormed(normalized)
            ? em.createNamedQuery(PairingRequest.BY_CODE, PairingRequest.class)
                .setParameter("hash", OneTimeSecrets.digest(normalized))
                .getResultStream()
                .findFirst()
            : Optional.empty();
    if (request.isEmpty() || !request.get().claimable(now)) {
      // Refused without an exception, so the count and the audited failure commit.
      // (recordAlone's REQUIRES_NEW did not survive the caller's rollback here; see the notes.)
      failures.count(MAX_FAILED_CLAIMS, CLAIM_WINDOW, now);
      audit.record(
          AuditAction.PAIRING_FAILED, admin.organizationId(), admin.username(), address, null);
      return new ClaimOutcome.Refused(
          "No screen is waiting with that code. Codes work once and for ten minutes: check the"
              + " screen for its current code.");
    }
    Screen screen =
        new Screen(
            configuration.organizationId(),
            name,
            configuration.id(),
            group,
            request.get().client(),
            now);
    em.persist(screen);
    request.get().claimedAs(screen.id(), now);
    audit.record(
        AuditAction.SCREEN_PAIRED,
        configuration.organizationId(),
        admin.username(),
        address,
        screen.name());
    return new ClaimOutcome.Paired(ScreenView.of(screen, configuration.name(), false));
  }

  /**
   * The waiting screen asks for its token. Unknown ids and wrong secrets look the same (gone);
   * wrong secrets count towards burning the request.
   */
  public Pickup pickUp(UUID pairingId, String secret) {
    Instant now = clock.instant();
    PairingRequest request = pairingId == null ? null : em.find(PairingRequest.class, pairingId);
    if (request == null
        || secret == null
        || !request.secretMatches(OneTimeSecrets.digest(secret))) {
      return new Pickup.Gone();
    }
    if (request.awaitingPickup(now)) {
      Screen screen = em.find(Screen.class, request.screenId());
      String token = OneTimeSecrets.token();
      screen.tokenIssued(OneTimeSecrets.digest(token));
      request.pickedUp(now);
      return new Pickup.Paired(screen.id(), token);
    }
    return request.claimable(now) ? new Pickup.Waiting() : new Pickup.Gone();
  }
}
