package dev.marquee.it.probe;

import dev.marquee.polling.boundary.Demand;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Test-only transactions for {@link PollingProbe}. */
@Stateless
public class PollingStoreProbe {

  @Inject Demand demand;

  @Inject EntityManager em;

  /** One transaction for all: the accounts become due together and one heartbeat claims them. */
  public void watchAll(List<UUID> accounts) {
    accounts.forEach(demand::watch);
  }

  /** The account's lease token as committed (this runs in a transaction of its own). */
  public String leaseTokenOf(UUID account) {
    Object token =
        em.createNativeQuery("SELECT lease_token FROM poll_schedule WHERE account_id = ?1")
            .setParameter(1, account)
            .getSingleResult();
    return token == null ? null : token.toString();
  }
}
