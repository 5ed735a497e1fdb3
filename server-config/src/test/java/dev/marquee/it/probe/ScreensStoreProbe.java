package dev.marquee.it.probe;

import dev.marquee.admin.control.OneTimeSecrets;
import dev.marquee.screen.entity.Screen;
import dev.marquee.widget.boundary.WidgetCatalog;
import dev.marquee.widget.entity.WidgetConfiguration;
import dev.marquee.widget.entity.WidgetDefinition;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes what the fan-out benchmark needs in bulk, bypassing pairing (five codes per address). */
@Stateless
public class ScreensStoreProbe {

  @Inject EntityManager em;

  @Inject WidgetCatalog catalog;

  /** A configuration of the organization showing one account, with default options. */
  public UUID configuration(UUID organization, UUID account) {
    WidgetDefinition definition = catalog.bySlug("spotify-now-playing").orElseThrow();
    WidgetConfiguration configuration =
        new WidgetConfiguration(
            organization,
            definition.id(),
            "Fleet " + UUID.randomUUID().toString().substring(0, 8),
            definition.options().validate("{}").toString(),
            List.of(account),
            Instant.now());
    em.persist(configuration);
    return configuration.id();
  }

  /** {@code count} paired screens showing the configuration; their device tokens. */
  public List<String> screens(UUID organization, UUID configuration, int count) {
    List<String> tokens = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      Screen screen = new Screen(organization, "Fleet " + i, configuration, null, "bench", now);
      String token = OneTimeSecrets.token();
      screen.tokenIssued(OneTimeSecrets.digest(token));
      em.persist(screen);
      tokens.add(token);
    }
    return tokens;
  }
}
