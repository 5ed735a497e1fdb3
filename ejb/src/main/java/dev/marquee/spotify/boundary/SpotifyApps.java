package dev.marquee.spotify.boundary;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.database.control.UniqueConstraint;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.platform.boundary.NotAllowedException;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.platform.boundary.PublicUrl;
import dev.marquee.spotify.control.ClientAddress;
import dev.marquee.spotify.control.SpotifyClients;
import dev.marquee.spotify.entity.AccountStatus;
import dev.marquee.spotify.entity.CredentialCheck;
import dev.marquee.spotify.entity.InvalidSpotifyAppException;
import dev.marquee.spotify.entity.SpotifyAccount;
import dev.marquee.spotify.entity.SpotifyApp;
import dev.marquee.vault.boundary.Vault;
import dev.marquee.vault.control.SecretUnreadableException;
import dev.marquee.vault.entity.SecretPurpose;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Spotify apps (client id and secret from Spotify's developer dashboard) Marquee connects
 * accounts through: the network's default app, set by network admins, and an organization's own
 * app, which wins for that organization. Secrets are sealed at once and never shown again.
 */
@Stateless
public class SpotifyApps {

  /** Where Spotify sends admins back to; register exactly this URI with the Spotify app. */
  public static final String CALLBACK_PATH = "/spotify/callback";

  @Inject EntityManager em;

  @Inject Vault vault;

  @Inject PublicUrl publicUrl;

  @Inject AuditLog audit;

  @Inject SpotifyClients clients;

  @Inject ClientAddress address;

  @Inject Organizations organizations;

  Clock clock = Clock.systemUTC();

  /** The redirect URI to register with every Spotify app Marquee uses. */
  public URI redirectUri() {
    return publicUrl.resolve(CALLBACK_PATH);
  }

  /** The default app (if any) and the organization apps this admin may manage. */
  public List<SpotifyAppView> visibleTo(AdminView admin) {
    Map<UUID, Long> usage = usage();
    return em.createNamedQuery(SpotifyApp.ALL, SpotifyApp.class)
        .getResultStream()
        .filter(app -> app.isDefault() || admin.canManage(app.organizationId().orElseThrow()))
        .sorted(
            (a, b) ->
                a.isDefault() == b.isDefault()
                    ? a.scopeKey().compareTo(b.scopeKey())
                    : a.isDefault() ? -1 : 1)
        .map(app -> SpotifyAppView.of(app, usage.getOrDefault(app.id(), 0L)))
        .toList();
  }

  /**
   * Creates or changes the network's default app.
   *
   * @param newSecretOrEmpty the new secret; empty keeps the stored one (required when creating)
   * @throws NotAllowedException unless the admin is a network admin
   * @throws InvalidSpotifyAppException when a value is not acceptable; nothing changes
   */
  public SpotifyAppView saveDefault(
      AdminView admin, String clientId, char[] newSecretOrEmpty, int userLimit) {
    if (!admin.isNetworkAdmin()) {
      throw new NotAllowedException("Only network admins may change the default Spotify app.");
    }
    return save(admin, null, clientId, newSecretOrEmpty, userLimit);
  }

  /**
   * Creates or changes an organization's own app.
   *
   * @throws NotFoundException when the organization does not exist or the admin may not manage it
   * @throws InvalidSpotifyAppException when a value is not acceptable; nothing changes
   */
  public SpotifyAppView saveForOrganization(
      AdminView admin,
      UUID organizationId,
      String clientId,
      char[] newSecretOrEmpty,
      int userLimit) {
    requireOrganization(admin, organizationId);
    return save(admin, organizationId, clientId, newSecretOrEmpty, userLimit);
  }

  /**
   * The app the organization connects through: its own, else the default.
   *
   * @throws NotFoundException when the admin may not manage the organization
   */
  public Optional<SpotifyAppView> appFor(AdminView admin, UUID organizationId) {
    organizations.visible(admin, organizationId);
    return appServing(em, organizationId).map(app -> SpotifyAppView.of(app, usage(app.id())));
  }

  /**
   * Asks Spotify whether the app's client id and secret work (client credentials grant), and
   * records the answer in the audit log.
   *
   * @throws NotFoundException when the app does not exist or belongs to an organization the admin
   *     may not manage
   */
  public CredentialCheck test(AdminView admin, UUID appId) {
    SpotifyApp app = visibleApp(admin, appId);
    CredentialCheck check;
    try {
      check = clients.accountsFor(app).checkCredentials();
    } catch (SecretUnreadableException e) {
      check =
          new CredentialCheck(
              CredentialCheck.Outcome.UNEXPECTED,
              "Marquee could not read this app's stored client secret (the vault key that sealed"
                  + " it is gone). Enter the client secret again.");
    }
    audit.record(
        AuditAction.SPOTIFY_APP_TESTED,
        app.organizationId().orElse(null),
        admin.username(),
        address.current(),
        describe(app) + ": " + check.outcome() + ". " + check.message());
    return check;
  }

  /** The app serving an organization: its own, else the default. */
  static Optional<SpotifyApp> appServing(EntityManager em, UUID organizationId) {
    Optional<SpotifyApp> own = byScope(em, SpotifyApp.scopeKeyOf(organizationId));
    return own.isPresent() ? own : byScope(em, SpotifyApp.DEFAULT_SCOPE);
  }

  private SpotifyAppView save(
      AdminView admin, UUID organizationId, String clientId, char[] newSecret, int userLimit) {
    String checkedId = SpotifyApp.checkClientId(clientId);
    SpotifyApp.checkUserLimit(userLimit);
    Optional<String> secret = SpotifyApp.checkSecret(newSecret);
    Instant now = clock.instant();
    Optional<SpotifyApp> existing = byScope(em, SpotifyApp.scopeKeyOf(organizationId));
    SpotifyApp app;
    if (existing.isPresent()) {
      app = existing.get();
      app.change(checkedId, userLimit, now);
    } else {
      if (secret.isEmpty()) {
        throw new InvalidSpotifyAppException(
            "Enter the client secret from the app in Spotify's developer dashboard.");
      }
      app =
          organizationId == null
              ? SpotifyApp.networkDefault(checkedId, userLimit, now)
              : SpotifyApp.ofOrganization(organizationId, checkedId, userLimit, now);
    }
    secret.ifPresent(
        value ->
            app.replaceSecret(
                vault.seal(value, SecretPurpose.SPOTIFY_CLIENT_SECRET, app.id().toString()), now));
    if (existing.isEmpty()) {
      em.persist(app);
    }
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (UniqueConstraint.isViolatedBy(e)) {
        throw new InvalidSpotifyAppException(
            "Someone else saved this Spotify app at the same moment. Reload the page and save"
                + " again.");
      }
      throw e;
    }
    audit.record(
        AuditAction.SPOTIFY_APP_SAVED,
        organizationId,
        admin.username(),
        address.current(),
        describe(app)
            + (existing.isEmpty() ? " created" : " changed")
            + ": client id "
            + app.clientId()
            + ", user limit "
            + app.userLimit()
            + (secret.isPresent() ? ", new client secret" : ", client secret kept"));
    return SpotifyAppView.of(app, usage(app.id()));
  }

  private void requireOrganization(AdminView admin, UUID organizationId) {
    organizations.visible(admin, organizationId);
  }

  private SpotifyApp visibleApp(AdminView admin, UUID appId) {
    SpotifyApp app = appId == null ? null : em.find(SpotifyApp.class, appId);
    if (app == null || !(app.isDefault() || admin.canManage(app.organizationId().orElseThrow()))) {
      throw new NotFoundException("Spotify app");
    }
    return app;
  }

  private static Optional<SpotifyApp> byScope(EntityManager em, String scope) {
    return em.createNamedQuery(SpotifyApp.BY_SCOPE, SpotifyApp.class)
        .setParameter("scope", scope)
        .getResultStream()
        .findFirst();
  }

  private Map<UUID, Long> usage() {
    Map<UUID, Long> usage = new HashMap<>();
    em.createNamedQuery(SpotifyAccount.USAGE_BY_APP, Object[].class)
        .setParameter("disconnected", AccountStatus.DISCONNECTED)
        .getResultList()
        .forEach(row -> usage.put((UUID) row[0], ((Number) row[1]).longValue()));
    return usage;
  }

  private long usage(UUID appId) {
    return em.createNamedQuery(SpotifyAccount.USAGE_OF_APP, Long.class)
        .setParameter("app", appId)
        .setParameter("disconnected", AccountStatus.DISCONNECTED)
        .getSingleResult();
  }

  private static String describe(SpotifyApp app) {
    return app.isDefault() ? "Default Spotify app" : "Organization's Spotify app";
  }
}
