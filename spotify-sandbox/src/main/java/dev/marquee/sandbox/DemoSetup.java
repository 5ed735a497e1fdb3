package dev.marquee.sandbox;

import dev.marquee.sandbox.accounts.ClientApp;
import dev.marquee.sandbox.playback.DemoCatalog;
import dev.marquee.sandbox.playback.PlayableItem;
import dev.marquee.sandbox.playback.Player;
import dev.marquee.sandbox.users.SandboxUser;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Demo mode: the demo app and three users already playing different queues at different points, so
 * a fresh Marquee shows three distinct screens at once.
 */
final class DemoSetup {

  private DemoSetup() {}

  static void apply(SpotifySandbox sandbox, List<URI> extraRedirectUris) {
    Set<URI> redirectUris = new LinkedHashSet<>();
    redirectUris.add(SpotifySandbox.DEMO_REDIRECT_URI);
    redirectUris.addAll(extraRedirectUris);
    sandbox.registerApp(
        new ClientApp(
            SpotifySandbox.DEMO_CLIENT_ID,
            "Marquee (demo)",
            SpotifySandbox.DEMO_CLIENT_SECRET,
            List.copyOf(redirectUris)));
    startPlaying(
        sandbox,
        new SandboxUser("demo-gym", "Ironworks Gym", "gym@example.com", "SE", "premium"),
        DemoCatalog.GYM,
        Duration.ofSeconds(42));
    startPlaying(
        sandbox,
        new SandboxUser("demo-shop", "Kissa Corner Shop", "shop@example.com", "JP", "premium"),
        DemoCatalog.SHOP,
        Duration.ofSeconds(70));
    startPlaying(
        sandbox,
        new SandboxUser("demo-office", "Office Shelf", "office@example.com", "DE", "premium"),
        DemoCatalog.OFFICE,
        Duration.ofSeconds(15));
  }

  private static void startPlaying(
      SpotifySandbox sandbox, SandboxUser user, List<PlayableItem> queue, Duration offset) {
    Player player = sandbox.createUser(user).player();
    player.setQueue(queue);
    player.seek(offset.toMillis());
  }
}
