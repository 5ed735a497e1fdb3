package dev.marquee.admin.boundary;

import dev.marquee.admin.control.OneTimeSecrets;
import dev.marquee.admin.entity.SetupCode;
import dev.marquee.database.boundary.DatabaseReady;
import dev.marquee.platform.boundary.PublicUrl;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The first-run setup code: when the database is ready and has no console account, this node stores
 * the digest of a new code and prints the code once in the log. It is the only way to create the
 * first admin; setup removes every code.
 */
@Stateless
public class SetupCodes {

  private static final Logger LOG = Logger.getLogger(SetupCodes.class.getName());

  /** One code per server start, even when the database is lost and found again. */
  private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

  @Inject EntityManager em;

  @Inject PublicUrl publicUrl;

  @Inject ConsoleAccounts accounts;

  Clock clock = Clock.systemUTC();

  public void onDatabaseReady(@Observes DatabaseReady ready) {
    if (!accounts.setupNeeded() || !ANNOUNCED.compareAndSet(false, true)) {
      return;
    }
    String code = OneTimeSecrets.humanCode();
    em.persist(
        new SetupCode(OneTimeSecrets.digest(OneTimeSecrets.normalizeCode(code)), clock.instant()));
    LOG.warning(
        () ->
            "Marquee has no console account yet. Open "
                + publicUrl.resolve("/setup.xhtml")
                + " and enter the setup code "
                + code
                + " to create the first admin. The code works once.");
  }
}
