package dev.marquee.spotify.boundary;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.control.OneTimeSecrets;
import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.spotify.boundary.ConnectOutcome.Reason;
import dev.marquee.spotify.control.ClientAddress;
import dev.marquee.spotify.control.ConnectAttempts;
import dev.marquee.spotify.control.ConnectAttempts.Claim;
import dev.marquee.spotify.control.ConnectAttempts.Claimed;
import dev.marquee.spotify.control.ConnectAttempts.Expired;
import dev.marquee.spotify.control.ConnectAttempts.OtherSession;
import dev.marquee.spotify.control.SpotifyAccounts;
import dev.marquee.spotify.control.SpotifyAccountsException;
import dev.marquee.spotify.control.SpotifyClientRejectedException;
import dev.marquee.spotify.control.SpotifyClients;
import dev.marquee.spotify.control.SpotifyGrantRejectedException;
import dev.marquee.spotify.control.SpotifyProfile;
import dev.marquee.spotify.control.SpotifyUnavailableException;
import dev.marquee.spotify.control.SpotifyWebApiException;
import dev.marquee.spotify.entity.AccountStatus;
import dev.marquee.spotify.entity.AuthorizationRequest;
import dev.marquee.spotify.entity.ConnectAttempt;
import dev.marquee.spotify.entity.SpotifyAccount;
import dev.marquee.spotify.entity.SpotifyApp;
import dev.marquee.spotify.entity.SpotifyTokens;
import dev.marquee.vault.boundary.Vault;
import dev.marquee.vault.control.SecretUnreadableException;
import dev.marquee.vault.entity.SecretPurpose;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Connecting Spotify accounts to an organization (Authorization Code with PKCE, see the design's
 * "Connect Spotify" flow), listing them and disconnecting them.
 *
 * <p>A connect is two requests. {@link #start} records a single-use attempt (the state's digest,
 * bound to the admin's session, organization and app, with the sealed PKCE verifier, for ten
 * minutes) and returns Spotify's consent page. {@link #complete} handles Spotify's redirect: it
 * uses the attempt up first, in a transaction of its own, then exchanges the code, asks Spotify who
 * the user is and stores the account with sealed tokens. Whatever fails, nothing is stored but the
 * audit event, and the admin gets an outcome in words.
 */
@Stateless
public class SpotifyConnections {

  private static final Logger LOG = Logger.getLogger(SpotifyConnections.class.getName());

  /** What a Spotify {@code error} parameter may look like to be repeated to the admin. */
  private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");

  /** Longer states are not Marquee's (they are 43 characters). */
  private static final int MAX_STATE = 512;

  @Inject EntityManager em;

  @Inject Vault vault;

  @Inject SpotifyApps apps;

  @Inject Organizations organizations;

  @Inject ConnectAttempts attempts;

  @Inject SpotifyClients clients;

  @Inject AuditLog audit;

  @Inject ClientAddress address;

  @Inject Event<SpotifyAccountConnected> connectedAccounts;

  Clock clock = Clock.systemUTC();

  /**
   * Starts connecting a Spotify account to the organization, through the organization's own app or
   * else the default app.
   *
   * @param sessionSecret a random secret kept in the admin's session (never sent to Spotify); the
   *     same value must come with {@link #complete}
   * @return Spotify's consent page to send the admin's browser to
   * @throws NotFoundException when the admin may not manage the organization or it does not exist
   * @throws SpotifyAppNotSetException when no Spotify app is set (or its secret is unreadable)
   */
  public URI start(AdminView admin, UUID organizationId, String sessionSecret) {
    requireSessionSecret(sessionSecret);
    organizations.visible(admin, organizationId);
    SpotifyApp app =
        SpotifyApps.appServing(em, organizationId).orElseThrow(SpotifyAppNotSetException::new);
    Instant now = clock.instant();
    attempts.deleteExpired(now);
    SpotifyAccounts accounts;
    try {
      accounts = clients.accountsFor(app);
    } catch (SecretUnreadableException e) {
      throw new SpotifyAppNotSetException(
          ConnectOutcome.messageFor(Reason.APP_SECRET_UNREADABLE, null));
    }
    AuthorizationRequest request = accounts.start(apps.redirectUri());
    String stateHash = OneTimeSecrets.digest(request.state().getValue());
    em.persist(
        new ConnectAttempt(
            stateHash,
            OneTimeSecrets.digest(sessionSecret),
            organizationId,
            app.id(),
            admin.id(),
            vault.seal(
                request.verifier().getValue(), SecretPurpose.SPOTIFY_PKCE_VERIFIER, stateHash),
            now));
    return request.uri();
  }

  /**
   * Handles Spotify's redirect back to Marquee: the parameters {@code state}, {@code code} and
   * {@code error} as Spotify sent them, and the session secret given to {@link #start}.
   *
   * @return the account connected, or why not; never throws for what Spotify or the browser sent
   */
  public ConnectOutcome complete(
      AdminView admin, String sessionSecret, String state, String code, String error) {
    Instant now = clock.instant();
    if (state == null || state.isBlank()) {
      return failed(admin, null, Reason.MISSING_STATE, null);
    }
    if (state.length() > MAX_STATE) {
      return failed(admin, null, Reason.UNKNOWN_STATE, null);
    }
    String sessionHash =
        sessionSecret == null || sessionSecret.isBlank()
            ? ""
            : OneTimeSecrets.digest(sessionSecret);
    Claim claim = attempts.claim(OneTimeSecrets.digest(state), sessionHash, admin.id(), now);
    if (!(claim instanceof Claimed claimed)) {
      Reason reason =
          claim instanceof OtherSession
              ? Reason.OTHER_SESSION
              : claim instanceof Expired ? Reason.EXPIRED : Reason.UNKNOWN_STATE;
      return failed(admin, null, reason, null);
    }
    ConnectAttempt attempt = claimed.attempt();
    UUID organization = attempt.organizationId();
    if (error != null && !error.isBlank()) {
      return "access_denied".equals(error)
          ? failed(admin, organization, Reason.DENIED, null)
          : failed(
              admin,
              organization,
              Reason.SPOTIFY_ERROR,
              ERROR_CODE.matcher(error).matches()
                  ? "it reported " + error
                  : "it reported an unknown error");
    }
    if (code == null || code.isBlank()) {
      return failed(admin, organization, Reason.SPOTIFY_ERROR, "no authorization code came back");
    }
    SpotifyApp app = em.find(SpotifyApp.class, attempt.appId());
    if (app == null || !app.serves(organization)) {
      return failed(admin, organization, Reason.UNKNOWN_STATE, null);
    }
    return exchange(admin, attempt, app, code, now);
  }

  private ConnectOutcome exchange(
      AdminView admin, ConnectAttempt attempt, SpotifyApp app, String code, Instant now) {
    UUID organization = attempt.organizationId();
    SpotifyTokens tokens;
    SpotifyProfile profile;
    try {
      SpotifyAccounts accounts = clients.accountsFor(app);
      String verifier =
          vault.open(
              attempt.codeVerifier(), SecretPurpose.SPOTIFY_PKCE_VERIFIER, attempt.stateHash());
      tokens = accounts.exchange(code, apps.redirectUri(), new CodeVerifier(verifier));
      profile = clients.webApi().me(tokens.accessToken());
    } catch (SecretUnreadableException e) {
      return e.purpose() == SecretPurpose.SPOTIFY_CLIENT_SECRET
          ? failed(admin, organization, Reason.APP_SECRET_UNREADABLE, null)
          : failed(admin, organization, Reason.UNEXPECTED, "the connection's stored data");
    } catch (SpotifyGrantRejectedException e) {
      return failed(admin, organization, Reason.CODE_REJECTED, null);
    } catch (SpotifyClientRejectedException e) {
      return failed(admin, organization, Reason.APP_REJECTED, null);
    } catch (SpotifyUnavailableException e) {
      return failed(admin, organization, Reason.SPOTIFY_UNAVAILABLE, e.reason());
    } catch (SpotifyAccountsException e) {
      // SpotifyProtocolException, the only other kind: an answer Marquee does not understand.
      return failed(admin, organization, Reason.UNEXPECTED, "HTTP " + e.httpStatus());
    } catch (SpotifyWebApiException e) {
      return switch (e.kind()) {
        case FORBIDDEN -> failed(admin, organization, Reason.USER_NOT_ALLOWED, null);
        case UNAVAILABLE ->
            failed(
                admin,
                organization,
                Reason.SPOTIFY_UNAVAILABLE,
                "its Web API answered "
                    + (e.httpStatus() == 0 ? "nothing" : "HTTP " + e.httpStatus()));
        case UNAUTHORIZED, UNEXPECTED ->
            failed(
                admin, organization, Reason.UNEXPECTED, "HTTP " + e.httpStatus() + " from /v1/me");
      };
    }
    SpotifyAccount account = store(organization, app, profile, tokens, now);
    audit.record(
        AuditAction.SPOTIFY_CONNECTED,
        organization,
        admin.username(),
        address.current(),
        "Connected Spotify account " + account.displayName() + " (" + profile.id() + ")");
    return ConnectOutcome.connected(account.id(), account.displayName());
  }

  /** The organization's account for this Spotify user, created or (locked and) updated. */
  private SpotifyAccount store(
      UUID organization,
      SpotifyApp app,
      SpotifyProfile profile,
      SpotifyTokens tokens,
      Instant now) {
    SpotifyAccount account =
        em.createNamedQuery(SpotifyAccount.BY_SPOTIFY_USER, SpotifyAccount.class)
            .setParameter("organization", organization)
            .setParameter("user", profile.id())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElse(null);
    boolean created = account == null;
    if (created) {
      account = new SpotifyAccount(organization, profile.id(), now);
    }
    String owner = account.id().toString();
    account.connect(
        app.id(),
        profile.displayName().orElse(null),
        vault.seal(tokens.accessToken(), SecretPurpose.SPOTIFY_ACCESS_TOKEN, owner),
        tokens.expiresAt(),
        vault.seal(tokens.refreshToken(), SecretPurpose.SPOTIFY_REFRESH_TOKEN, owner),
        tokens.scopes(),
        now);
    if (created) {
      em.persist(account);
    }
    em.flush();
    connectedAccounts.fire(new SpotifyAccountConnected(account.id()));
    return account;
  }

  /**
   * The organization's Spotify accounts, oldest first, disconnected ones included.
   *
   * @throws NotFoundException when the admin may not manage the organization
   */
  public List<SpotifyAccountView> accounts(AdminView admin, UUID organizationId) {
    organizations.visible(admin, organizationId);
    Instant now = clock.instant();
    return em.createNamedQuery(SpotifyAccount.IN_ORGANIZATION, SpotifyAccount.class)
        .setParameter("organization", organizationId)
        .getResultStream()
        .map(account -> SpotifyAccountView.of(account, now))
        .toList();
  }

  /**
   * One Spotify account.
   *
   * @throws NotFoundException when it does not exist or the admin may not manage its organization
   */
  public SpotifyAccountView account(AdminView admin, UUID accountId) {
    return SpotifyAccountView.of(visible(admin, accountId, LockModeType.NONE), clock.instant());
  }

  /**
   * Disconnects the account: both tokens are deleted at once, and later token requests fail. The
   * row stays, so connecting the same Spotify user again reuses it. Spotify keeps listing Marquee
   * under the user's apps until the user removes it there.
   *
   * @throws NotFoundException when it does not exist or the admin may not manage its organization
   */
  public void disconnect(AdminView admin, UUID accountId) {
    SpotifyAccount account = visible(admin, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (account.status() == AccountStatus.DISCONNECTED) {
      return;
    }
    account.disconnect(clock.instant());
    audit.record(
        AuditAction.SPOTIFY_DISCONNECTED,
        account.organizationId(),
        admin.username(),
        address.current(),
        "Disconnected Spotify account "
            + account.displayName()
            + " ("
            + account.spotifyUserId()
            + ")");
  }

  private SpotifyAccount visible(AdminView admin, UUID accountId, LockModeType lock) {
    SpotifyAccount account = accountId == null ? null : em.find(SpotifyAccount.class, accountId);
    if (account == null || !admin.canManage(account.organizationId())) {
      throw new NotFoundException("Spotify account");
    }
    if (lock != LockModeType.NONE) {
      em.refresh(account, lock);
      // Under the lock, a plain read sees what a previous holder committed (see
      // SpotifyAccessTokens).
      em.refresh(account);
    }
    return account;
  }

  private ConnectOutcome failed(AdminView admin, UUID organization, Reason reason, String detail) {
    ConnectOutcome outcome = ConnectOutcome.failed(reason, detail);
    audit.recordAlone(
        AuditAction.SPOTIFY_CONNECT_FAILED,
        organization == null ? admin.organizationId() : organization,
        admin.username(),
        address.current(),
        reason + ": " + outcome.message());
    LOG.info(
        () ->
            "Spotify connect by "
                + admin.username()
                + " failed: "
                + reason
                + (detail == null ? "" : " (" + detail + ")"));
    return outcome;
  }

  private static void requireSessionSecret(String sessionSecret) {
    if (sessionSecret == null || sessionSecret.length() < 16) {
      throw new IllegalArgumentException("A session secret of at least 16 characters is required");
    }
  }
}
