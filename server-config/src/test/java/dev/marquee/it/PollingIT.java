package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.it.support.Browser;
import dev.marquee.it.support.FreePort;
import dev.marquee.it.support.JsonBodies;
import dev.marquee.it.support.MarqueeProcess;
import dev.marquee.it.support.ProbeWar;
import dev.marquee.it.support.SpotifyProbeClient;
import dev.marquee.it.support.SpotifyProbeClient.Org;
import dev.marquee.it.support.TestDatabase;
import dev.marquee.sandbox.SpotifySandbox;
import dev.marquee.sandbox.faults.Fault;
import dev.marquee.sandbox.playback.Episode;
import dev.marquee.sandbox.playback.Show;
import dev.marquee.sandbox.playback.Track;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The now-playing engine on a real server against the Spotify sandbox, counting calls with the
 * sandbox's per-user counters. Short intervals (base 4 s, idle 2-4 s, error back-off from 1 s) keep
 * it quick; the policy's rules are the same as with the defaults.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PollingIT {

  private static final String CLIENT_ID = "marquee-polling-it";
  private static final String CLIENT_SECRET = "it-secret-" + UUID.randomUUID();
  // A loopback redirect registered without a port accepts any port (as Spotify does).
  private static final URI REDIRECT_URI = URI.create("http://127.0.0.1/spotify/callback");
  private static final Duration BASE_INTERVAL = Duration.ofSeconds(4);
  private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(8);

  private static SpotifySandbox sandbox;
  private static MarqueeProcess server;
  private static SpotifyProbeClient probe;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        SpotifySandbox.builder()
            .port(0)
            .callsPer30s(100_000)
            .accessTokenLifetime(TOKEN_LIFETIME)
            .demo(false)
            .build()
            .start();
    sandbox.registerApp(CLIENT_ID, CLIENT_SECRET, List.of(REDIRECT_URI));
    TestDatabase database = TestDatabase.fresh("polling");
    Map<String, String> environment = new HashMap<>(database.environment());
    environment.putAll(
        Map.of(
            "MARQUEE_SPOTIFY_ACCOUNTS_URL", sandbox.baseUri().toString(),
            "MARQUEE_SPOTIFY_API_URL", sandbox.baseUri() + "/v1",
            "MARQUEE_SPOTIFY_REFRESH_AHEAD", "PT1S",
            "MARQUEE_POLLING_BASE_INTERVAL", BASE_INTERVAL.toString(),
            "MARQUEE_POLLING_HEARTBEAT", "PT0.1S",
            "MARQUEE_POLLING_IDLE_STEPS", "PT2S,PT3S,PT4S",
            "MARQUEE_POLLING_ERROR_BACKOFF", "PT1S",
            "MARQUEE_POLLING_ERROR_BACKOFF_CAP", "PT16S",
            "MARQUEE_POLLING_JITTER", "0.1"));
    environment.put("MARQUEE_POLLING_MINIMUM_GAP", "PT0.5S");
    environment.put("MARQUEE_POLLING_STALE_AFTER", "PT30S");
    // The console checks that forms come from its public URL: the browser steps use this port.
    int port = FreePort.pick();
    environment.put("MARQUEE_PUBLIC_URL", "http://127.0.0.1:" + port);
    server = MarqueeProcess.war("polling", ProbeWar.file("polling"), environment, port);
    server.start().awaitReady();
    probe = new SpotifyProbeClient(server.uri("/"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  @Order(1)
  void aTrackThatEndsIsSeenWithinTwoSecondsAndASkipWithinTheBaseInterval() throws Exception {
    Account account = connectedAccount();
    Instant queued = Instant.now();
    sandbox
        .player(account.user)
        .setQueue(List.of(track("First", 7), track("Second", 60), track("Third", 60)));
    account.watch();
    account.awaitTitle("First", Duration.ofSeconds(5));

    Instant firstEnds = queued.plusSeconds(7);
    account.awaitTitle("Second", Duration.ofSeconds(12));
    assertThat(Duration.between(firstEnds, Instant.now())).isLessThan(Duration.ofSeconds(2));

    // Progress that moves as interpolation expects is no change: no new version, no event.
    JsonNode second = account.state();
    long calls = account.calls();
    await("a poll that changes nothing")
        .atMost(BASE_INTERVAL.plusSeconds(2))
        .until(() -> account.calls() > calls);
    assertThat(account.state().path("version").asLong()).isEqualTo(second.path("version").asLong());

    sandbox.player(account.user).skip();
    Instant skipped = Instant.now();
    account.awaitTitle("Third", BASE_INTERVAL.plusSeconds(2));
    assertThat(Duration.between(skipped, Instant.now()))
        .isLessThanOrEqualTo(BASE_INTERVAL.plusSeconds(1));
    JsonNode third = account.state();
    assertThat(third.path("version").asLong()).isEqualTo(second.path("version").asLong() + 1);
    assertThat(third.path("events").asLong()).isEqualTo(second.path("events").asLong() + 1);
  }

  @Test
  @Order(2)
  void pauseAndResumeAreSeenAndAnEpisodeIsShownAsAnEpisode() throws Exception {
    Account account = connectedAccount();
    Show show = new Show("show0001", "The Long Talk", "Talkers", "A podcast", 12);
    sandbox
        .player(account.user)
        .setQueue(
            List.of(Episode.of("Episode One", show, "", "2026-01-01", Duration.ofMinutes(30))));
    account.watch();
    await("the episode")
        .atMost(Duration.ofSeconds(5))
        .until(() -> account.state().path("kind").asText().equals("EPISODE"));
    JsonNode episode = account.state();
    assertThat(episode.path("title").asText()).isEqualTo("Episode One");
    // The show once (in the artist line), its publisher in the album line.
    assertThat(episode.path("artists").asText()).isEqualTo("The Long Talk");
    assertThat(episode.path("album").asText()).isEqualTo("Talkers");

    sandbox.player(account.user).pause();
    await("the pause")
        .atMost(BASE_INTERVAL.plusSeconds(2))
        .until(() -> account.state().path("status").asText().equals("PAUSED"));
    sandbox.player(account.user).play();
    await("the resume")
        .atMost(Duration.ofSeconds(6))
        .until(() -> account.state().path("status").asText().equals("PLAYING"));
  }

  @Test
  @Order(3)
  void anUnwatchedAccountGetsNoCallsAndANewlyWatchedOneIsPolledAtOnce() throws Exception {
    Account account = connectedAccount();
    sandbox.player(account.user).setQueue(List.of(track("Unwatched", 120)));
    await("no calls while nobody watches")
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(4))
        .until(() -> account.calls() == 0);
    assertThat(account.state().path("status").asText()).isEqualTo("NOT_WATCHED");

    Instant watched = Instant.now();
    account.watch();
    await("the first call").atMost(Duration.ofSeconds(2)).until(() -> account.calls() == 1);
    assertThat(Duration.between(watched, Instant.now())).isLessThan(Duration.ofSeconds(2));

    account.unwatch();
    long calls = account.calls();
    await("no calls once unwatched")
        .during(BASE_INTERVAL.plusSeconds(1))
        .atMost(BASE_INTERVAL.plusSeconds(2))
        .until(() -> account.calls() == calls);
  }

  @Test
  @Order(4)
  void aRetryAfterOfFiveSecondsIsHonoured() throws Exception {
    Account account = playingAccount("Rate limited");
    long before = account.calls();
    sandbox.injectFault(
        Fault.tooManyRequests(Duration.ofSeconds(5)).onlyForUser(account.user).times(1));
    await("the 429").atMost(BASE_INTERVAL.plusSeconds(2)).until(() -> account.calls() > before);
    long afterLimit = account.calls();
    await("no call during Retry-After")
        .during(Duration.ofMillis(4_700))
        .atMost(Duration.ofSeconds(5))
        .until(() -> account.calls() == afterLimit);
    await("calls again after it")
        .atMost(Duration.ofSeconds(3))
        .until(() -> account.calls() > afterLimit);
    String metrics = server.get("/metrics").body();
    assertThat(metrics)
        .containsPattern(
            "marquee_spotify_rate_limited\\w*\\{[^}]*reason=\"rate_limit\"[^}]*\\} [1-9]")
        .containsPattern("marquee_spotify_calls\\w*\\{[^}]*outcome=\"playing\"[^}]*\\} [1-9]");
  }

  @Test
  @Order(5)
  void aQuotaExceededPausesEveryAccountOfThatAppAndNoOther() throws Exception {
    Org org = organization();
    Account first = playingAccount(org, "Quota one");
    Account second = playingAccount(org, "Quota two");
    Account elsewhere = playingAccount("Other app");
    sandbox.injectFault(
        Fault.quotaExceeded(Duration.ofSeconds(60)).onlyForUser(first.user).times(1));
    long firstBefore = first.calls();
    await("the quota 429")
        .atMost(BASE_INTERVAL.plusSeconds(2))
        .until(() -> first.calls() > firstBefore);
    long secondPaused = second.calls();
    long elsewhereBefore = elsewhere.calls();
    await("the app's accounts stay paused")
        .during(BASE_INTERVAL.plusSeconds(2))
        .atMost(BASE_INTERVAL.plusSeconds(3))
        .until(() -> second.calls() == secondPaused);
    assertThat(elsewhere.calls()).isGreaterThan(elsewhereBefore);
    assertThat(first.state().path("status").asText()).isEqualTo("RATE_LIMITED");
  }

  @Test
  @Order(6)
  void serverErrorsLeadToGrowingGapsAndMalformedJsonKeepsTheLastState() throws Exception {
    Account account = playingAccount("Kept through errors");
    sandbox.injectFault(Fault.serverError(500).onlyForUser(account.user).times(4));
    List<Instant> calls = account.callTimes(5, Duration.ofSeconds(30));
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < calls.size(); i++) {
      gaps.add(Duration.between(calls.get(i - 1), calls.get(i)));
    }
    // After the n-th 500 the wait is 1 s doubled n-1 times, ±10% jitter. Lateness can only make a
    // gap longer, so each gap is held to its lower bound: 0.9 s, 1.8 s, 3.6 s, 7.2 s (a poller at
    // a fixed interval fails the last one, one that does not wait fails the first).
    for (int i = 0; i < gaps.size(); i++) {
      Duration lowest = Duration.ofMillis(900L << i);
      assertThat(gaps.get(i)).as("gaps %s", gaps).isGreaterThanOrEqualTo(lowest);
    }
    assertThat(gaps.get(gaps.size() - 1)).as("gaps %s", gaps).isLessThan(Duration.ofSeconds(12));
    assertThat(account.state().path("title").asText()).isEqualTo("Kept through errors");
    // The back-off is logged once, when it starts, and the recovery once, when it ends.
    await("the recovery in the log")
        .atMost(Duration.ofSeconds(10))
        .until(() -> server.log().contains(account.id + " answers again after 4 failed polls"));
    assertThat(server.log().lines().filter(line -> line.contains(account.id)))
        .filteredOn(line -> line.contains("backing off"))
        .singleElement()
        .asString()
        .contains("HTTP 500");

    long before = account.calls();
    sandbox.injectFault(Fault.malformedJson().onlyForUser(account.user).times(1));
    await("the malformed answer")
        .atMost(BASE_INTERVAL.plusSeconds(3))
        .until(
            () ->
                account.calls() > before && !account.state().path("lastError").asText().isEmpty());
    JsonNode kept = account.state();
    assertThat(kept.path("lastError").asText()).contains("malformed");
    assertThat(kept.path("title").asText()).isEqualTo("Kept through errors");
    assertThat(kept.path("feed").asText()).isEqualTo("LIVE");
  }

  @Test
  @Order(7)
  void aTokenSpotifyRefusesIsRefreshedOnceAndTheCallRetried() throws Exception {
    Account account = playingAccount("Refresh on 401");
    // Marquee believes its token is good for an hour; the sandbox's dies after eight seconds.
    account.storedTokenExpiresIn(3600);
    long refreshes = sandbox.counters().calls(account.user, "token");
    await("the refresh after a 401")
        .atMost(TOKEN_LIFETIME.plus(BASE_INTERVAL).plusSeconds(3))
        .until(() -> sandbox.counters().calls(account.user, "token") > refreshes);
    long calls = account.calls();
    await("a successful call with the new token")
        .atMost(BASE_INTERVAL.plusSeconds(2))
        .until(() -> account.calls() > calls);
    assertThat(sandbox.counters().calls(account.user, "token")).isEqualTo(refreshes + 1);
    assertThat(account.state().path("status").asText()).isEqualTo("PLAYING");
    assertThat(account.state().path("lastError").asText()).isEmpty();
  }

  @Test
  @Order(8)
  void aRevokedAccountNeedsReconnectAndGetsNoFurtherCalls() throws Exception {
    Account account = playingAccount("Revoked");
    sandbox.revokeUser(account.user);
    await("needs reconnect")
        .atMost(BASE_INTERVAL.plusSeconds(4))
        .until(() -> account.state().path("status").asText().equals("NEEDS_RECONNECT"));
    assertThat(account.state().path("feed").asText()).isEqualTo("NEEDS_RECONNECT");
    long calls = account.calls();
    await("no calls after")
        .during(BASE_INTERVAL.plusSeconds(1))
        .atMost(BASE_INTERVAL.plusSeconds(2))
        .until(() -> account.calls() == calls);
  }

  @Test
  @Order(9)
  void twoPollersCompetingForTheSameAccountsNeverCallTwiceInOneSlot() throws Exception {
    Org org = organization();
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      accounts.add(playingAccount(org, "Contested " + i));
    }
    Instant from = Instant.now();
    HttpResponse<String> started = post("it/polling/rival?seconds=12", Map.of());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    await("the rival poller to finish")
        .atMost(Duration.ofSeconds(20))
        .until(() -> !rival().path("running").asBoolean());
    Instant to = Instant.now();

    JsonNode rivalPolls = rival().path("polls");
    long rivalWon = 0;
    long calls = 0;
    for (Account account : accounts) {
      List<Instant> times =
          sandbox.counters().times(account.user, "currently-playing").stream()
              .filter(time -> !time.isBefore(from) && !time.isAfter(to))
              .toList();
      calls += times.size();
      rivalWon += rivalPolls.path(account.id).asLong();
      assertThat(times).as("calls for %s", account.user).hasSizeGreaterThanOrEqualTo(2);
      // Playing with ten minutes left: one call per 4 s slot, jitter ±10 %, so 3.6 s apart at the
      // least. A second poller calling in the same slot would show as a gap of milliseconds.
      // And no result is lost while they compete: a lost one would leave a gap of a whole lease.
      for (int i = 1; i < times.size(); i++) {
        assertThat(Duration.between(times.get(i - 1), times.get(i)))
            .as("gap before call %d of %s in %s", i, account.user, times)
            .isGreaterThanOrEqualTo(Duration.ofMillis(3_400))
            .isLessThanOrEqualTo(Duration.ofSeconds(6));
      }
    }
    // Both pollers won slots, so the spacing above held while they really competed.
    assertThat(rivalWon).as("the rival's polls of these accounts").isPositive();
    assertThat(calls).as("all their calls in the window").isGreaterThan(rivalWon);
  }

  @Test
  @Order(10)
  void accountsFallingDueTogetherAreEachPolledAgainAfterTheBaseInterval() throws Exception {
    Org org = organization();
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Account account = connectedAccount(org);
      sandbox.player(account.user).setQueue(List.of(track("Burst " + i, 600)));
      accounts.add(account);
    }
    HttpResponse<String> watched =
        post("it/polling/watch-all", accounts.stream().map(Account::id).toList());
    assertThat(watched.statusCode()).as(watched.body()).isEqualTo(204);
    // One heartbeat claims all twelve; each poll's result must be kept, so each account's second
    // call comes one base interval after its first (a dropped result waits for the lease to end).
    for (Account account : accounts) {
      await("two calls for " + account.user)
          .atMost(BASE_INTERVAL.plusSeconds(8))
          .until(() -> account.calls() >= 2);
      List<Instant> times = sandbox.counters().times(account.user, "currently-playing");
      assertThat(Duration.between(times.get(0), times.get(1)))
          .as("%s: %s", account.user, times)
          .isLessThanOrEqualTo(BASE_INTERVAL.plusMillis(1_500));
    }
  }

  @Test
  @Order(11)
  void aClaimIsCommittedBeforeItsPollsStartWhateverTheCallersTransaction() throws Exception {
    playingAccount("Claimed inside a transaction");
    JsonNode claim =
        await("a due account to claim")
            .atMost(BASE_INTERVAL.plusSeconds(2))
            .pollInterval(Duration.ofMillis(50))
            .until(PollingIT::claimInsideATransaction, json -> json.path("claimed").asInt() == 1);
    assertThat(claim.path("leaseToken").asText()).startsWith("probe:");
    assertThat(claim.path("seenElsewhere").asText()).isEqualTo(claim.path("leaseToken").asText());
  }

  private static JsonNode claimInsideATransaction() {
    HttpResponse<String> response = post("it/polling/claim-inside-a-transaction", Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonBodies.parse(response.body());
  }

  @Test
  @Order(12)
  void theConsoleShowsHowPollingStandsAndAlertsOnAQuotaPause() throws Exception {
    Org org = organization();
    Account account = playingAccount(org, "On the console");
    Account revoked = playingAccount(org, "Cut off");
    sandbox.revokeUser(revoked.user);
    await("needs reconnect")
        .atMost(BASE_INTERVAL.plusSeconds(4))
        .until(() -> revoked.state().path("status").asText().equals("NEEDS_RECONNECT"));
    Org other = organization();
    try (Browser browser = Browser.open(1280, 900)) {
      WebDriver driver = browser.driver();
      browser.signIn(
          server.uri("/sign-in.xhtml"), org.username(), SpotifyProbeClient.ADMIN_PASSWORD);
      driver.get(server.uri("/account.xhtml?id=" + account.id).toString());
      assertThat(text(driver, "polling-status")).isEqualTo("Playing");
      assertThat(text(driver, "now-playing")).isEqualTo("On the console · The Testers");
      assertThat(text(driver, "watchers")).isEqualTo("1");
      // Moments in the console's one format: a <time> with the instant, shown relative.
      assertThat(timeOf(driver, "last-poll")).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z");
      assertThat(timeOf(driver, "next-poll")).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z");
      assertThat(text(driver, "last-poll")).containsAnyOf("ago", "now");
      assertThat(text(driver, "polling-error")).isEqualTo("None");
      assertThat(Long.parseLong(text(driver, "calls-hour"))).isPositive();
      assertThat(driver.findElements(By.id("quota-paused"))).isEmpty();
      browser.screenshot("console-account-polling");

      sandbox.injectFault(
          Fault.quotaExceeded(Duration.ofSeconds(60)).onlyForUser(account.user).times(1));
      await("the quota pause")
          .atMost(BASE_INTERVAL.plusSeconds(3))
          .until(() -> account.state().path("status").asText().equals("RATE_LIMITED"));
      driver.get(server.uri("/accounts.xhtml").toString());
      assertThat(text(driver, "quota-paused"))
          .contains("Spotify app " + CLIENT_ID + " is out of quota")
          .contains("(in ");
      WebElement row =
          driver.findElements(By.cssSelector("#accounts tr.account")).stream()
              .filter(candidate -> candidate.getText().contains("Polling " + account.user))
              .findFirst()
              .orElseThrow();
      assertThat(row.findElement(By.className("polling")).getText())
          .isEqualTo("Rate limited by Spotify");
      browser.screenshot("console-quota-alert");

      // The Overview raises the pause too, and the account Spotify cut off, with the way to fix it.
      driver.get(server.uri("/index.xhtml").toString());
      assertThat(driver.findElements(By.id("quota-paused"))).hasSize(1);
      WebElement alert =
          driver.findElement(
              By.cssSelector("#alerts .alert-account[data-account='" + revoked.id + "']"));
      assertThat(alert.getText()).contains("needs reconnecting");
      assertThat(driver.findElements(By.cssSelector("#alerts .alert-account"))).hasSize(1);
      alert.findElement(By.linkText("Reconnect")).click();
      assertThat(text(driver, "account-heading")).endsWith("needs reconnecting");
      assertThat(text(driver, "account-status")).isEqualTo("Needs reconnect");
      assertThat(driver.findElements(By.id("reconnect-before"))).isEmpty();
      assertThat(driver.findElement(By.id("reconnect:start")).getAttribute("value"))
          .isEqualTo("Reconnect");
    }
    // Another organization's app is not paused, and its admin sees no alert about this one.
    try (Browser browser = Browser.open(1280, 900)) {
      WebDriver driver = browser.driver();
      browser.signIn(
          server.uri("/sign-in.xhtml"), other.username(), SpotifyProbeClient.ADMIN_PASSWORD);
      driver.get(server.uri("/accounts.xhtml").toString());
      assertThat(driver.findElements(By.id("quota-paused"))).isEmpty();
      // Nor about the other organization's accounts on the Overview.
      driver.get(server.uri("/index.xhtml").toString());
      assertThat(driver.findElements(By.cssSelector("#alerts .alert-account"))).isEmpty();
      assertThat(driver.findElements(By.id("no-alerts"))).isNotEmpty();
    }
  }

  @Test
  @Order(13)
  void afterARestartNothingIsWatchedUntilScreensComeBackAndThenPollingResumes() throws Exception {
    Account account = playingAccount("Across a restart");
    server.stop();
    server.start().awaitReady();
    // Watchers are the screens connected to a node: a node that just started has none.
    long restarted = account.calls();
    await("no polls while nothing is watched after the restart")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(8))
        .until(() -> account.calls() <= restarted + 1);
    long beforeWatch = account.calls();
    account.watch();
    await("calls once a screen watches again")
        .atMost(Duration.ofSeconds(5))
        .until(() -> account.calls() > beforeWatch);
  }

  // ---------------------------------------------------------------- helpers

  /** The instant of the {@code <time>} in the element with this id. */
  private static String timeOf(WebDriver driver, String id) {
    return driver.findElement(By.id(id)).findElement(By.tagName("time")).getAttribute("datetime");
  }

  private static String text(WebDriver driver, String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private static JsonNode rival() throws Exception {
    HttpResponse<String> response = server.get("/api/it/polling/rival");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonBodies.parse(response.body());
  }

  private static Track track(String name, int seconds) {
    return Track.of(name, "The Testers", "Polling", "2026-01-01", Duration.ofSeconds(seconds));
  }

  private Account playingAccount(String title) throws Exception {
    return playingAccount(organization(), title);
  }

  private Account playingAccount(Org org, String title) throws Exception {
    Account account = connectedAccount(org);
    sandbox.player(account.user).setQueue(List.of(track(title, 600)));
    account.watch();
    account.awaitTitle(title, Duration.ofSeconds(5));
    return account;
  }

  private Account connectedAccount() throws Exception {
    return connectedAccount(organization());
  }

  private Account connectedAccount(Org org) {
    String user = "poll-" + UUID.randomUUID().toString().substring(0, 8);
    sandbox.createUser(user, "Polling " + user);
    return new Account(probe.connect(org, sandbox, user).path("accountId").asText(), user);
  }

  private static Org organization() {
    return probe.organization(CLIENT_ID, CLIENT_SECRET);
  }

  private static HttpResponse<String> post(String path, Object json) {
    return probe.post(path, json);
  }

  private record Account(String id, String user) {

    void watch() throws Exception {
      HttpResponse<String> response = post("it/polling/accounts/" + id + "/watch", Map.of());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    void unwatch() throws Exception {
      HttpResponse<String> response = post("it/polling/accounts/" + id + "/unwatch", Map.of());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    void storedTokenExpiresIn(long seconds) throws Exception {
      HttpResponse<String> response =
          post("it/spotify/accounts/" + id + "/expires-in?seconds=" + seconds, Map.of());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    JsonNode state() throws Exception {
      HttpResponse<String> response = server.get("/api/it/polling/accounts/" + id);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return JsonBodies.parse(response.body());
    }

    long calls() {
      return sandbox.counters().calls(user, "currently-playing");
    }

    void awaitTitle(String title, Duration within) {
      await("'" + title + "' on " + user)
          .atMost(within)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> state().path("title").asText().equals(title));
    }

    /** The times of the next {@code count} calls, seen by watching the sandbox's counter. */
    List<Instant> callTimes(int count, Duration within) {
      List<Instant> times = new ArrayList<>();
      long[] last = {calls()};
      await("the next " + count + " calls")
          .atMost(within)
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                long now = calls();
                if (now > last[0]) {
                  times.add(Instant.now());
                  last[0] = now;
                }
                return times.size() >= count;
              });
      return times;
    }
  }
}
