package dev.marquee.screen.boundary;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.polling.boundary.Demand;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's live previews watch like screens: while an admin has a configuration's preview
 * open, its accounts are polled as if a screen showed them (a preview of a configuration no screen
 * shows yet would otherwise never leave "waiting"). Each request of the preview renews a lease; a
 * lease not renewed within {@link #LEASE} ends, and its watching with it.
 */
@ApplicationScoped
public class Previews {

  /** How long a preview counts after its last request; it asks every 2 s. */
  static final Duration LEASE = Duration.ofSeconds(15);

  private static final Logger LOG = Logger.getLogger(Previews.class.getName());

  private record Lease(List<UUID> sources, Instant until) {}

  @Inject ScreenFeeds feeds;

  @Inject Demand demand;

  @Resource ManagedScheduledExecutorService scheduler;

  Clock clock = Clock.systemUTC();

  private final Map<UUID, Lease> leases = new HashMap<>();
  private ScheduledFuture<?> sweeper;

  /**
   * The configuration's state for the admin's preview, renewing the preview's watch of its sources.
   *
   * @throws NotFoundException for a configuration the admin may not manage, or none at all
   */
  public FeedState preview(AdminView admin, UUID configurationId) {
    FeedState state = feeds.preview(admin, configurationId);
    renew(configurationId, state.sources());
    return state;
  }

  private void renew(UUID configuration, List<UUID> sources) {
    List<UUID> before;
    synchronized (leases) {
      Lease old = leases.put(configuration, new Lease(List.copyOf(sources), expiry()));
      before = old == null ? List.of() : old.sources();
      if (sweeper == null) {
        long every = LEASE.toMillis() / 3;
        sweeper = scheduler.scheduleAtFixedRate(this::sweep, every, every, TimeUnit.MILLISECONDS);
      }
    }
    sources.stream().filter(account -> !before.contains(account)).forEach(safely(demand::watch));
    before.stream().filter(account -> !sources.contains(account)).forEach(safely(demand::unwatch));
  }

  /** Ends the leases nobody renewed. */
  void sweep() {
    List<UUID> ended = new ArrayList<>();
    Instant now = clock.instant();
    synchronized (leases) {
      leases
          .values()
          .removeIf(
              lease -> {
                boolean over = lease.until().isBefore(now);
                if (over) {
                  ended.addAll(lease.sources());
                }
                return over;
              });
    }
    ended.forEach(safely(demand::unwatch));
  }

  @PreDestroy
  void stop() {
    synchronized (leases) {
      if (sweeper != null) {
        sweeper.cancel(false);
      }
    }
  }

  private Instant expiry() {
    return clock.instant().plus(LEASE);
  }

  private static Consumer<UUID> safely(Consumer<UUID> change) {
    return account -> {
      try {
        change.accept(account);
      } catch (NotFoundException e) {
        LOG.fine("A previewed source has no schedule (never connected to Spotify)");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not change what the engine watches for a preview", e);
      }
    };
  }
}
