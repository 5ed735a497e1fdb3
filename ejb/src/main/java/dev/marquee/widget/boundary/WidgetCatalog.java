package dev.marquee.widget.boundary;

import dev.marquee.database.boundary.DatabaseReady;
import dev.marquee.widget.entity.ShippedDefinition;
import dev.marquee.widget.entity.WidgetDefinition;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The widget definitions Marquee knows: it installs the ones it ships whenever the database becomes
 * ready (a new slug is added, a newer revision replaces the stored one), and lists them.
 */
@Stateless
public class WidgetCatalog {

  private static final Logger LOG = Logger.getLogger(WidgetCatalog.class.getName());

  /** The definitions Marquee ships, as {@code widgets/SLUG.json} on the class path. */
  public static final List<String> SHIPPED = List.of("spotify-now-playing");

  /** The definition a new configuration gets when none is named. */
  public static final String DEFAULT_SLUG = "spotify-now-playing";

  @Inject EntityManager em;

  Clock clock = Clock.systemUTC();

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void onDatabaseReady(@Observes DatabaseReady ready) {
    for (String slug : SHIPPED) {
      install(ShippedDefinition.resource(slug));
    }
  }

  private void install(ShippedDefinition shipped) {
    Optional<WidgetDefinition> stored = bySlug(shipped.slug());
    if (stored.isEmpty()) {
      // Two nodes starting at the same instant: the slug is unique, one insert fails and its
      // node installs nothing; the definition is there either way.
      em.persist(new WidgetDefinition(shipped, clock.instant()));
      LOG.info(() -> "Installed widget definition " + shipped.slug() + " r" + shipped.revision());
    } else if (stored.get().upgradeTo(shipped, clock.instant())) {
      LOG.info(() -> "Upgraded widget definition " + shipped.slug() + " to r" + shipped.revision());
    }
  }

  public Optional<WidgetDefinition> bySlug(String slug) {
    return em.createNamedQuery(WidgetDefinition.BY_SLUG, WidgetDefinition.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }
}
