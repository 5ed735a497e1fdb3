package dev.marquee.it.probe;

import dev.marquee.admin.control.PasswordHashing;
import dev.marquee.admin.entity.ConsoleAccount;
import dev.marquee.admin.entity.Role;
import dev.marquee.audit.entity.AuditAction;
import dev.marquee.organization.entity.Organization;
import dev.marquee.spotify.entity.ConnectAttempt;
import dev.marquee.spotify.entity.SpotifyAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Test-only data access for {@link SpotifyProbe}: sets up organizations and admins, reads what the
 * Spotify boundaries stored (without opening any token) and moves times into the past, which is how
 * the tests stand in for waiting.
 */
@Stateless
public class SpotifyStoreProbe {

  /** Every probe-made admin's password, so browser tests can sign in as them. */
  public static final String ADMIN_PASSWORD = "probe admin password, tests only";

  @Inject EntityManager em;

  @Inject PasswordHashing hashing;

  /** A new organization with an organization admin; returns both ids. */
  public JsonObject organizationWithAdmin() {
    Organization organization = new Organization("IT Spotify " + UUID.randomUUID(), Instant.now());
    em.persist(organization);
    // No mapped relationship tells EclipseLink the order: the organization must exist first.
    em.flush();
    ConsoleAccount admin =
        new ConsoleAccount(
            "it-" + UUID.randomUUID().toString().substring(0, 13),
            Role.ORGANIZATION_ADMIN,
            organization.id(),
            Instant.now());
    admin.setPasswordHash(hashing.hash(ADMIN_PASSWORD.toCharArray()), Instant.now());
    em.persist(admin);
    return Json.createObjectBuilder()
        .add("organizationId", organization.id().toString())
        .add("adminId", admin.id().toString())
        .add("username", admin.username())
        .build();
  }

  /** What is stored for the organization's Spotify accounts, attempts and audit events. */
  public JsonObject state(UUID organization) {
    JsonArrayBuilder accounts = Json.createArrayBuilder();
    em.createNamedQuery(SpotifyAccount.IN_ORGANIZATION, SpotifyAccount.class)
        .setParameter("organization", organization)
        .getResultStream()
        .forEach(
            account -> {
              JsonObjectBuilder row =
                  Json.createObjectBuilder()
                      .add("id", account.id().toString())
                      .add("spotifyUserId", account.spotifyUserId())
                      .add("status", account.status().name())
                      .add("hasAccessToken", account.accessToken().isPresent())
                      .add("hasRefreshToken", account.refreshToken().isPresent())
                      .add("lastError", account.lastError().orElse(""));
              account
                  .refreshToken()
                  .ifPresent(token -> row.add("refreshTokenDigest", digest(token.ciphertext())));
              account.authorizedAt().ifPresent(at -> row.add("authorizedAt", at.toString()));
              accounts.add(row);
            });
    long attempts =
        em.createQuery(
                "SELECT COUNT(a) FROM ConnectAttempt a WHERE a.organizationId = :organization",
                Long.class)
            .setParameter("organization", organization)
            .getSingleResult();
    return Json.createObjectBuilder()
        .add("accounts", accounts)
        .add("attempts", attempts)
        .add("connectFailures", audits(organization, AuditAction.SPOTIFY_CONNECT_FAILED))
        .add("connected", audits(organization, AuditAction.SPOTIFY_CONNECTED))
        .add("refreshFailures", audits(organization, AuditAction.SPOTIFY_REFRESH_FAILED))
        .add("disconnected", audits(organization, AuditAction.SPOTIFY_DISCONNECTED))
        .build();
  }

  /** Makes Marquee believe the access token expires in the given number of seconds. */
  public void expireAccessTokenIn(UUID account, long seconds) {
    int updated =
        em.createQuery("UPDATE SpotifyAccount a SET a.accessTokenExpiresAt = :at WHERE a.id = :id")
            .setParameter("at", Instant.now().plusSeconds(seconds).atOffset(ZoneOffset.UTC))
            .setParameter("id", account)
            .executeUpdate();
    require(updated);
  }

  /** Makes a connect attempt eleven minutes old. */
  public void ageAttempt(String state) {
    Instant started = Instant.now().minusSeconds(11 * 60);
    int updated =
        em.createQuery(
                "UPDATE ConnectAttempt a SET a.createdAt = :created, a.expiresAt = :expires"
                    + " WHERE a.stateHash = :state")
            .setParameter("created", started.atOffset(ZoneOffset.UTC))
            .setParameter("expires", started.plus(ConnectAttempt.LIFETIME).atOffset(ZoneOffset.UTC))
            .setParameter("state", digest(state.getBytes(StandardCharsets.UTF_8)))
            .executeUpdate();
    require(updated);
  }

  private long audits(UUID organization, AuditAction action) {
    return em.createQuery(
            "SELECT COUNT(e) FROM AuditEvent e"
                + " WHERE e.organizationId = :organization AND e.action = :action",
            Long.class)
        .setParameter("organization", organization)
        .setParameter("action", action)
        .getSingleResult();
  }

  private static void require(int updated) {
    if (updated != 1) {
      throw new IllegalStateException("Expected one row, changed " + updated);
    }
  }

  private static String digest(byte[] value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
