package dev.marquee.bench.capacity;

import dev.marquee.it.support.MarqueeProcess;
import dev.marquee.it.support.ProbeWar;
import dev.marquee.it.support.SpotifyProbeClient;
import dev.marquee.it.support.SpotifyProbeClient.Org;
import dev.marquee.it.support.TestDatabase;
import dev.marquee.sandbox.SpotifySandbox;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a server benchmark runs against: the Spotify sandbox without call limits, one registered
 * app, Marquee (the shipped WAR with the test probes) on a fresh database, and an organization
 * using that app.
 */
public record BenchServer(
    SpotifySandbox sandbox, MarqueeProcess server, SpotifyProbeClient probe, Org org)
    implements AutoCloseable {

  private static final URI REDIRECT_URI = URI.create("http://127.0.0.1:8080/spotify/callback");

  /**
   * Starts it all and waits until Marquee is ready.
   *
   * @param settings more environment for Marquee (its configuration keys as environment names)
   */
  public static BenchServer start(String name, Map<String, String> settings) throws IOException {
    String clientId = "marquee-" + name + "-bench";
    String clientSecret = "bench-secret-" + UUID.randomUUID();
    SpotifySandbox sandbox =
        SpotifySandbox.builder()
            .port(0)
            .callsPer30s(Integer.MAX_VALUE)
            .accessTokenLifetime(Duration.ofHours(1))
            .demo(false)
            .build()
            .start();
    sandbox.registerApp(clientId, clientSecret, List.of(REDIRECT_URI));
    Map<String, String> environment = new HashMap<>(TestDatabase.fresh(name).environment());
    environment.put("MARQUEE_SPOTIFY_ACCOUNTS_URL", sandbox.baseUri().toString());
    environment.put("MARQUEE_SPOTIFY_API_URL", sandbox.baseUri() + "/v1");
    environment.putAll(settings);
    MarqueeProcess server = MarqueeProcess.war(name, ProbeWar.file(name), environment);
    server.start().awaitReady();
    SpotifyProbeClient probe = new SpotifyProbeClient(server.uri("/"));
    return new BenchServer(sandbox, server, probe, probe.organization(clientId, clientSecret));
  }

  /** Stops Marquee and the sandbox (whose HTTP dispatcher would keep Maven's JVM alive). */
  @Override
  public void close() {
    server.stop();
    sandbox.close();
  }
}
