package dev.marquee.screen.boundary;

import dev.marquee.database.boundary.DatabaseReady;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.polling.boundary.Demand;
import dev.marquee.polling.boundary.PlaybackChanged;
import dev.marquee.widget.boundary.WidgetConfigurationChanged;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The screens connected to this node and what each is shown: the live feed's registry. It sends a
 * joining screen its state, sends every screen of a configuration its new state whenever the
 * engine, the console or the configuration changes it, closes revoked screens, and drives the
 * engine's demand: an account is watched while at least one connected screen's configuration lists
 * it as a source.
 *
 * <p>States are built once per configuration and change, serially per configuration, and handed to
 * each screen's own queue under one lock, so a screen always ends on the newest state and a slow
 * screen delays nobody.
 */
@ApplicationScoped
public class LiveScreens {

  private static final Logger LOG = Logger.getLogger(LiveScreens.class.getName());

  /** Keep-alive pings go out in this many turns per interval. */
  private static final int KEEP_ALIVE_SLICES = 10;

  /** Fewest links per thread worth a thread of its own when sending a state. */
  private static final int PER_THREAD = 250;

  @Inject ScreenFeeds feeds;

  @Inject Demand demand;

  @Resource ManagedExecutorService executor;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "marquee.screens.keepalive-seconds", defaultValue = "20")
  int keepAliveSeconds;

  private final Object lock = new Object();
  private final Map<ScreenLink, Member> members = new HashMap<>();
  private final Map<UUID, Member> byScreen = new HashMap<>();
  private final Map<UUID, Audience> audiences = new HashMap<>();
  private final Map<UUID, Integer> watched = new HashMap<>();
  private final Queue<Runnable> demandChanges = new ArrayDeque<>();
  private boolean applyingDemand;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile ScheduledFuture<?> keepAlive;
  private long keepAliveTurns;

  /**
   * A screen connected to this node. {@code lastVersion} starts as the version its hello named and
   * then is the version it was last sent; {@code answered} tells whether it got its first state.
   */
  private static final class Member {
    final ScreenLink link;
    ScreenIdentity identity;
    String lastVersion;
    boolean answered;

    Member(ScreenLink link, ScreenIdentity identity, String knownVersion) {
      this.link = link;
      this.identity = identity;
      this.lastVersion = knownVersion;
    }
  }

  /** The connected screens of one configuration, its sources and its newest state. */
  private static final class Audience {
    final Set<Member> members = new LinkedHashSet<>();
    List<UUID> sources = List.of();
    FeedState state;
    boolean refreshing;
    boolean dirty;
  }

  /**
   * This node just started: nothing is connected to it, so nothing is watched. Also starts the
   * keep-alive round.
   */
  public void onDatabaseReady(@Observes DatabaseReady ready) {
    if (started.compareAndSet(false, true)) {
      int forgotten = demand.forgetAllWatchers();
      if (forgotten > 0) {
        LOG.info(
            () -> forgotten + " accounts were watched before this start; screens watch them again");
      }
      long slice = TimeUnit.SECONDS.toMillis(keepAliveSeconds) / KEEP_ALIVE_SLICES;
      keepAlive =
          scheduler.scheduleAtFixedRate(this::keepAliveSlice, slice, slice, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * A screen's first message named its device token: accepts it and sends it its state.
   *
   * @return the screen, or empty when the token is refused (the caller closes the link)
   */
  public Optional<ScreenIdentity> join(
      ScreenLink link, String token, String knownVersion, String address, String client) {
    Optional<ScreenIdentity> identity = feeds.authenticate(token, address, client);
    identity.ifPresent(screen -> admit(link, screen, knownVersion));
    return identity;
  }

  /** The link closed, whoever closed it. */
  public void leave(ScreenLink link) {
    UUID screenId;
    synchronized (lock) {
      Member member = members.remove(link);
      if (member == null) {
        return;
      }
      screenId = member.identity.screenId();
      byScreen.remove(screenId, member);
      removeFromAudience(member);
    }
    feeds.disconnected(screenId);
  }

  /** Whether the screen holds a socket to this node now. */
  public boolean isOnline(UUID screenId) {
    synchronized (lock) {
      return byScreen.containsKey(screenId);
    }
  }

  public void onPlaybackChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) PlaybackChanged changed) {
    List<UUID> affected = new ArrayList<>();
    synchronized (lock) {
      audiences.forEach(
          (configuration, audience) -> {
            if (audience.sources.contains(changed.accountId())) {
              affected.add(configuration);
            }
          });
    }
    affected.forEach(this::refresh);
  }

  public void onConfigurationChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) WidgetConfigurationChanged changed) {
    refresh(changed.configurationId());
  }

  /** Reads the screen again: a revoked or deleted screen is closed, a moved one gets its state. */
  public void onScreenChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ScreenChanged changed) {
    if (!isOnline(changed.screenId())) {
      // Not connected here: it reads its state when it connects.
      return;
    }
    Optional<ScreenIdentity> now = feeds.current(changed.screenId());
    ScreenLink closing = null;
    synchronized (lock) {
      Member member = byScreen.get(changed.screenId());
      if (member == null) {
        return;
      }
      if (now.isEmpty()) {
        members.remove(member.link);
        byScreen.remove(changed.screenId());
        removeFromAudience(member);
        closing = member.link;
      } else if (!now.get().configurationId().equals(member.identity.configurationId())) {
        removeFromAudience(member);
        member.identity = now.get();
        addToAudience(member);
      } else {
        member.identity = now.get();
      }
    }
    if (closing != null) {
      closing.close(FeedCloseCode.TOKEN_REFUSED);
    }
  }

  private void admit(ScreenLink link, ScreenIdentity screen, String knownVersion) {
    Member member = new Member(link, screen, knownVersion);
    Member replaced;
    synchronized (lock) {
      replaced = byScreen.put(screen.screenId(), member);
      if (replaced != null) {
        members.remove(replaced.link);
        removeFromAudience(replaced);
      }
      members.put(link, member);
      link.send(welcome(screen));
      addToAudience(member);
    }
    if (replaced != null) {
      replaced.link.close(FeedCloseCode.REPLACED);
    }
  }

  /** Under the lock: the member's configuration gains a screen; a new audience is built. */
  private void addToAudience(Member member) {
    UUID configuration = member.identity.configurationId();
    Audience audience = audiences.get(configuration);
    if (audience == null) {
      audience = new Audience();
      audiences.put(configuration, audience);
      audience.members.add(member);
      refresh(configuration);
      return;
    }
    audience.members.add(member);
    if (audience.state != null) {
      deliver(member, audience.state);
      member.link.flush();
    }
  }

  /** Under the lock: the member's configuration loses a screen; the last one ends its watching. */
  private void removeFromAudience(Member member) {
    UUID configuration = member.identity.configurationId();
    Audience audience = audiences.get(configuration);
    if (audience == null) {
      return;
    }
    audience.members.remove(member);
    if (audience.members.isEmpty()) {
      audiences.remove(configuration);
      changeWatching(audience.sources, List.of());
    }
  }

  /**
   * Builds the configuration's state again and sends it to its screens. Builds of one configuration
   * run one at a time and coalesce: a change arriving during a build causes exactly one more.
   */
  private void refresh(UUID configuration) {
    synchronized (lock) {
      Audience audience = audiences.get(configuration);
      if (audience == null) {
        return;
      }
      audience.dirty = true;
      if (audience.refreshing) {
        return;
      }
      audience.refreshing = true;
    }
    executor.execute(() -> rebuild(configuration));
  }

  private void rebuild(UUID configuration) {
    while (true) {
      synchronized (lock) {
        Audience audience = audiences.get(configuration);
        if (audience == null) {
          return;
        }
        if (!audience.dirty) {
          audience.refreshing = false;
          return;
        }
        audience.dirty = false;
      }
      Optional<FeedState> state = buildState(configuration);
      List<ScreenLink> handed = List.of();
      synchronized (lock) {
        Audience audience = audiences.get(configuration);
        if (audience != null && state.isPresent()) {
          handed = publish(audience, state.get());
        }
      }
      flushAll(handed);
    }
  }

  /**
   * Sends what was handed to the links, on as many threads as there are cores when there are many
   * links: the sends themselves (framing, the write to the socket) are the cost of a fan-out, and
   * each link's queue keeps its own order whichever thread flushes it.
   */
  private void flushAll(List<ScreenLink> links) {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), links.size() / PER_THREAD);
    if (threads < 2) {
      links.forEach(ScreenLink::flush);
      return;
    }
    int chunk = (links.size() + threads - 1) / threads;
    List<java.util.concurrent.Future<?>> others = new ArrayList<>();
    for (int from = chunk; from < links.size(); from += chunk) {
      List<ScreenLink> part = links.subList(from, Math.min(from + chunk, links.size()));
      others.add(executor.submit(() -> part.forEach(ScreenLink::flush)));
    }
    links.subList(0, chunk).forEach(ScreenLink::flush);
    for (java.util.concurrent.Future<?> other : others) {
      try {
        other.get();
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.log(Level.WARNING, "Could not send a state to some screens", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Optional<FeedState> buildState(UUID configuration) {
    try {
      return feeds.stateOf(configuration);
    } catch (RuntimeException e) {
      // The database may be briefly away; the next change builds it again.
      LOG.log(Level.WARNING, "Could not build the state of configuration " + configuration, e);
      return Optional.empty();
    }
  }

  /**
   * Under the lock: the audience's new state goes to the queue of each of its screens.
   *
   * @return the links to flush once the lock is released
   */
  private List<ScreenLink> publish(Audience audience, FeedState state) {
    if (!audience.sources.equals(state.sources())) {
      changeWatching(audience.sources, state.sources());
      audience.sources = state.sources();
    }
    audience.state = state;
    List<ScreenLink> handed = new ArrayList<>(audience.members.size());
    for (Member member : audience.members) {
      deliver(member, state);
      handed.add(member.link);
    }
    return handed;
  }

  /** Under the lock: a state the screen already has is not sent again. */
  private static void deliver(Member member, FeedState state) {
    if (state.version().equals(member.lastVersion)) {
      if (!member.answered) {
        member.link.send(current(state.version()));
      }
    } else {
      member.link.offerState(state);
    }
    member.lastVersion = state.version();
    member.answered = true;
  }

  /** Under the lock: accounts leaving and joining the watched set become calls to demand. */
  private void changeWatching(List<UUID> before, List<UUID> after) {
    for (UUID account : before) {
      if (!after.contains(account) && watched.merge(account, -1, Integer::sum) == 0) {
        watched.remove(account);
        demandChanges.add(() -> demand.unwatch(account));
      }
    }
    for (UUID account : after) {
      if (!before.contains(account) && watched.merge(account, 1, Integer::sum) == 1) {
        demandChanges.add(() -> demand.watch(account));
      }
    }
    if (!applyingDemand && !demandChanges.isEmpty()) {
      applyingDemand = true;
      executor.execute(this::applyDemand);
    }
  }

  /** Applies demand changes one at a time, in the order the registry made them. */
  private void applyDemand() {
    while (true) {
      Runnable change;
      synchronized (lock) {
        change = demandChanges.poll();
        if (change == null) {
          applyingDemand = false;
          return;
        }
      }
      try {
        change.run();
      } catch (NotFoundException e) {
        LOG.fine("A source of a connected screen has no schedule (never connected to Spotify)");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not change what the engine watches", e);
      }
    }
  }

  /**
   * Keeps one slice of the screens alive: each screen is in one of {@link #KEEP_ALIVE_SLICES}
   * slices, and the slices take turns, so every screen is pinged once per keep-alive interval
   * without a burst of thousands of pings that would delay a state being pushed.
   */
  private void keepAliveSlice() {
    int slice = (int) (keepAliveTurns++ % KEEP_ALIVE_SLICES);
    List<ScreenLink> links = new ArrayList<>();
    synchronized (lock) {
      for (ScreenLink link : members.keySet()) {
        if (Math.floorMod(System.identityHashCode(link), KEEP_ALIVE_SLICES) == slice) {
          links.add(link);
        }
      }
    }
    for (ScreenLink link : links) {
      if (!link.keepAlive()) {
        link.close(FeedCloseCode.NOT_RESPONDING);
        leave(link);
      }
    }
  }

  private static String welcome(ScreenIdentity screen) {
    return Json.createObjectBuilder()
        .add("type", "welcome")
        .add(
            "screen",
            Json.createObjectBuilder()
                .add("id", screen.screenId().toString())
                .add("name", screen.name()))
        .add("serverTime", System.currentTimeMillis())
        .build()
        .toString();
  }

  private static String current(String version) {
    return Json.createObjectBuilder()
        .add("type", "current")
        .add("version", version)
        .add("serverTime", System.currentTimeMillis())
        .build()
        .toString();
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> round = keepAlive;
    if (round != null) {
      round.cancel(false);
    }
    List<ScreenLink> links;
    synchronized (lock) {
      links = new ArrayList<>(members.keySet());
    }
    links.forEach(link -> link.close(FeedCloseCode.GOING_AWAY));
  }
}
