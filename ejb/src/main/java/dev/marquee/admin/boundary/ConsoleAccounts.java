package dev.marquee.admin.boundary;

import dev.marquee.admin.control.OneTimeSecrets;
import dev.marquee.admin.control.PasswordHashing;
import dev.marquee.admin.entity.ConsoleAccount;
import dev.marquee.admin.entity.Invite;
import dev.marquee.admin.entity.PasswordRules;
import dev.marquee.admin.entity.Role;
import dev.marquee.admin.entity.Username;
import dev.marquee.audit.boundary.AuditLog;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.database.control.UniqueConstraint;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.Organization;
import dev.marquee.organization.entity.OrganizationName;
import dev.marquee.platform.boundary.NotAllowedException;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.platform.boundary.PublicUrl;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console accounts: verifying sign-ins, first-run setup, and inviting organization admins.
 *
 * <p>Passwords arrive as {@code char[]} and leave only as PBKDF2 hashes. Every refusal is a typed
 * exception with a message in words and changes nothing.
 */
@Stateless
public class ConsoleAccounts {

  @Inject EntityManager em;

  @Inject PasswordHashing passwords;

  @Inject AuditLog audit;

  @Inject Organizations organizations;

  @Inject PublicUrl publicUrl;

  @Inject
  @ConfigProperty(name = "marquee.console.invite-lifetime", defaultValue = "PT72H")
  Duration inviteLifetime;

  Clock clock = Clock.systemUTC();

  /** How long an invite link works ({@code marquee.console.invite-lifetime}). */
  public Duration inviteLifetime() {
    return inviteLifetime;
  }

  /** Whether the console has no account yet and offers only first-run setup. */
  public boolean setupNeeded() {
    return em.createNamedQuery(ConsoleAccount.COUNT, Long.class).getSingleResult() == 0;
  }

  /**
   * The admin a username and password belong to, for the identity store. An unknown name takes as
   * long as a wrong password, so timing does not reveal which names exist.
   */
  public Optional<AdminView> verify(String typedUsername, char[] password) {
    Optional<ConsoleAccount> account = findActive(typedUsername);
    if (account.isEmpty() || password == null || password.length > PasswordRules.MAX_LENGTH) {
      passwords.verifyDecoy(password == null ? new char[0] : password);
      return Optional.empty();
    }
    String hash = account.get().passwordHash().orElseThrow();
    return passwords.verify(password, hash) ? account.map(ConsoleAccounts::view) : Optional.empty();
  }

  /** The admin signed in under a name, while the account exists and has a password. */
  public Optional<AdminView> active(String username) {
    return findActive(username).map(ConsoleAccounts::view);
  }

  /**
   * Creates the first network admin and the first organization, given a setup code from the log.
   * The code dies with the setup; so do the codes other nodes printed.
   *
   * @throws SetupRefusedException when the code is wrong or used, or setup was done already
   * @throws dev.marquee.admin.entity.InvalidCredentialsFormatException when the username or
   *     password breaks the rules
   * @throws dev.marquee.organization.entity.InvalidOrganizationNameException when the organization
   *     name is not acceptable
   */
  public AdminView completeSetup(
      String code,
      String username,
      char[] password,
      char[] repeated,
      String organizationName,
      String address) {
    String normalizedUsername = Username.of(username);
    PasswordRules.check(password, repeated, normalizedUsername);
    OrganizationName.of(organizationName);
    if (!setupNeeded()) {
      throw new SetupRefusedException("Setup is already done. Sign in instead.");
    }
    int used =
        em.createQuery("DELETE FROM SetupCode c WHERE c.codeHash = :hash")
            .setParameter("hash", OneTimeSecrets.digest(OneTimeSecrets.normalizeCode(code)))
            .executeUpdate();
    if (used != 1) {
      audit.recordAlone(AuditAction.SETUP_FAILED, null, normalizedUsername, address, "wrong code");
      throw new SetupRefusedException(
          "That setup code is wrong or was already used. The server log shows the current code"
              + " (search for 'setup code').");
    }
    em.createQuery("DELETE FROM SetupCode c").executeUpdate();
    Organization organization = organizations.create(organizationName);
    ConsoleAccount admin =
        new ConsoleAccount(
            normalizedUsername, Role.NETWORK_ADMIN, organization.id(), clock.instant());
    admin.setPasswordHash(passwords.hash(password), clock.instant());
    persist(admin);
    audit.record(
        AuditAction.SETUP,
        organization.id(),
        admin.username(),
        address,
        "first network admin and organization " + organization.name());
    return view(admin);
  }

  /**
   * Creates an organization admin who sets a password through a one-time link, or gives a new link
   * to an invited admin who has not used theirs (the old link stops working).
   *
   * @throws NotAllowedException unless the caller is a network admin
   * @throws NotFoundException when the organization does not exist
   * @throws UsernameTakenException when an active account has the name
   */
  public Invitation invite(AdminView caller, String username, UUID organizationId) {
    requireNetworkAdmin(caller);
    String normalized = Username.of(username);
    Organization organization =
        organizations.find(organizationId).orElseThrow(() -> new NotFoundException("Organization"));
    ConsoleAccount account = findByUsername(normalized).orElse(null);
    if (account == null) {
      account =
          new ConsoleAccount(
              normalized, Role.ORGANIZATION_ADMIN, organization.id(), clock.instant());
      persist(account);
    } else if (account.isActive() || !account.organizationId().equals(organization.id())) {
      throw new UsernameTakenException(normalized);
    } else {
      em.createQuery("DELETE FROM Invite i WHERE i.accountId = :account")
          .setParameter("account", account.id())
          .executeUpdate();
    }
    String token = OneTimeSecrets.token();
    Instant now = clock.instant();
    Invite invite =
        new Invite(OneTimeSecrets.digest(token), account.id(), now, now.plus(inviteLifetime));
    em.persist(invite);
    audit.record(
        AuditAction.INVITE_CREATED,
        organization.id(),
        caller.username(),
        null,
        "invited " + normalized);
    return new Invitation(
        normalized, publicUrl.resolve("/invite.xhtml?token=" + token), invite.expiresAt());
  }

  /**
   * Whom an invite link is for, to show before the password is chosen; reading does not use it.
   *
   * @throws InviteRefusedException when the link is unknown, used or expired
   */
  public String invitedUsername(String token) {
    Invite invite = usableInvite(token, null);
    return em.find(ConsoleAccount.class, invite.accountId()).username();
  }

  /**
   * Sets the invited admin's password; the link then stops working.
   *
   * @throws InviteRefusedException when the link is unknown, used or expired
   * @throws dev.marquee.admin.entity.InvalidCredentialsFormatException when the two passwords
   *     differ or the password breaks the rules
   */
  public AdminView acceptInvite(String token, char[] password, char[] repeated, String address) {
    Invite invite = usableInvite(token, address);
    ConsoleAccount account = em.find(ConsoleAccount.class, invite.accountId());
    PasswordRules.check(password, repeated, account.username());
    // A conditional delete: of two simultaneous uses of one link, only one finds it.
    int used =
        em.createQuery("DELETE FROM Invite i WHERE i.tokenHash = :hash")
            .setParameter("hash", OneTimeSecrets.digest(token))
            .executeUpdate();
    if (used != 1) {
      throw refusedInvite(address, "used");
    }
    account.setPasswordHash(passwords.hash(password), clock.instant());
    audit.record(
        AuditAction.INVITE_ACCEPTED,
        account.organizationId(),
        account.username(),
        address,
        "password set");
    return view(account);
  }

  /** The accounts the caller may see: all for a network admin, else their organization's. */
  public List<ConsoleAccount> visibleTo(AdminView caller) {
    if (caller.isNetworkAdmin()) {
      return em.createNamedQuery(ConsoleAccount.ALL, ConsoleAccount.class).getResultList();
    }
    return em.createNamedQuery(ConsoleAccount.IN_ORGANIZATION, ConsoleAccount.class)
        .setParameter("organization", caller.organizationId())
        .getResultList();
  }

  static AdminView view(ConsoleAccount account) {
    return new AdminView(
        account.id(), account.username(), account.role(), account.organizationId());
  }

  private Invite usableInvite(String token, String address) {
    Invite invite =
        token == null || token.isBlank() || token.length() > 100
            ? null
            : em.find(Invite.class, OneTimeSecrets.digest(token));
    if (invite == null) {
      throw refusedInvite(address, "unknown or used");
    }
    if (invite.isExpiredAt(clock.instant())) {
      if (address != null) {
        audit.recordAlone(AuditAction.INVITE_FAILED, null, null, address, "expired");
      }
      throw new InviteRefusedException(
          "This invite link has expired. Ask your network admin for a new one.");
    }
    return invite;
  }

  private InviteRefusedException refusedInvite(String address, String why) {
    if (address != null) {
      audit.recordAlone(AuditAction.INVITE_FAILED, null, null, address, why);
    }
    return new InviteRefusedException(
        "This invite link is unknown or was already used. Ask your network admin for a new one.");
  }

  private void requireNetworkAdmin(AdminView caller) {
    if (!caller.isNetworkAdmin()) {
      throw new NotAllowedException("Only a network admin can do this.");
    }
  }

  private Optional<ConsoleAccount> findActive(String typedUsername) {
    return findByUsername(Username.normalizeForLookup(typedUsername))
        .filter(ConsoleAccount::isActive);
  }

  /** The organization of the account with this normalized username, if there is one. */
  public Optional<UUID> organizationOf(String normalizedUsername) {
    return findByUsername(normalizedUsername).map(ConsoleAccount::organizationId);
  }

  private Optional<ConsoleAccount> findByUsername(String normalized) {
    return em.createNamedQuery(ConsoleAccount.BY_USERNAME, ConsoleAccount.class)
        .setParameter("username", normalized)
        .getResultStream()
        .findFirst();
  }

  private void persist(ConsoleAccount account) {
    em.persist(account);
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (UniqueConstraint.isViolatedBy(e)) {
        throw new UsernameTakenException(account.username());
      }
      throw e;
    }
  }
}
