package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.marquee.it.support.JsonBodies;
import dev.marquee.it.support.ProbeWar;
import dev.marquee.it.support.Readiness;
import dev.marquee.it.support.SpotifyProbeClient;
import dev.marquee.it.support.SpotifyProbeClient.Org;
import dev.marquee.it.support.TestDatabase;
import dev.marquee.sandbox.SpotifySandbox;
import dev.marquee.sandbox.faults.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Spotify connect and tokens on the real server against the Spotify sandbox, through the test-only
 * {@code SpotifyProbe}: every token here was issued by the sandbox through the consent page and the
 * token endpoint, and the sandbox's call counters show what reached "Spotify".
 *
 * <p>Waiting for a token to age is replaced by moving its stored expiry (the sandbox's own token
 * stays valid, so a refresh that should not happen would still be visible in the counters).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SpotifyTokensIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT_ID = "marquee-it";
  private static final String CLIENT_SECRET = "it-secret-" + UUID.randomUUID();

  /** What Marquee registers as its callback (marquee.public-url is left at its default). */
  private static final URI REDIRECT_URI = URI.create("http://127.0.0.1:8080/spotify/callback");

  private static SpotifySandbox sandbox;
  private static boolean rotating;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    TestDatabase.fresh("arquillian");
    ensureVaultKeyset();
    startSandbox(false);
    return ProbeWar.archive();
  }

  @AfterAll
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @BeforeEach
  void awaitReady() throws Exception {
    Readiness.awaitReady(base);
  }

  // ---------------------------------------------------------------- tokens

  @Test
  void refreshesATokenThatExpiresWithinFiveMinutesButNotOneValidForLonger() throws Exception {
    Org org = organization();
    String user = sandboxUser();
    JsonNode connected = connect(org, user);
    String account = connected.path("accountId").asText();
    String first = token(account).path("accessToken").asText();
    long refreshes = tokenCalls();

    expiresIn(account, 6 * 60);
    assertThat(token(account).path("accessToken").asText()).isEqualTo(first);
    assertThat(tokenCalls()).isEqualTo(refreshes);

    expiresIn(account, 4 * 60);
    String refreshed = token(account).path("accessToken").asText();
    assertThat(tokenCalls()).isEqualTo(refreshes + 1);
    assertThat(refreshed).isNotEqualTo(first);
    assertThat(meStatus(refreshed)).isEqualTo(200);
    // The new token is good for an hour: asking again does not refresh.
    assertThat(token(account).path("accessToken").asText()).isEqualTo(refreshed);
    assertThat(tokenCalls()).isEqualTo(refreshes + 1);
  }

  @Test
  void eightConcurrentCallersCauseExactlyOneRefresh() throws Exception {
    Org org = organization();
    JsonNode connected = connect(org, sandboxUser());
    String account = connected.path("accountId").asText();
    expiresIn(account, 60);
    long before = tokenCalls();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> calls =
          java.util.stream.IntStream.range(0, 8)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            start.await();
                            return token(account).path("accessToken").asText();
                          }))
              .toList();
      start.countDown();
      List<String> tokens = new java.util.ArrayList<>();
      for (Future<String> call : calls) {
        tokens.add(call.get());
      }
      assertThat(tokens).allSatisfy(t -> assertThat(t).isNotBlank());
      assertThat(tokens).containsOnly(tokens.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenCalls()).isEqualTo(before + 1);
  }

  @Test
  void withoutARefreshTokenInTheAnswerTheOldOneIsKeptAndKeepsWorking() throws Exception {
    startSandbox(false);
    Org org = organization();
    String account = connect(org, sandboxUser()).path("accountId").asText();
    String digest = onlyAccount(org).path("refreshTokenDigest").asText();
    long before = tokenCalls();

    for (int i = 0; i < 2; i++) {
      expiresIn(account, 30);
      assertThat(meStatus(token(account).path("accessToken").asText())).isEqualTo(200);
    }

    assertThat(tokenCalls()).isEqualTo(before + 2);
    JsonNode stored = onlyAccount(org);
    assertThat(stored.path("refreshTokenDigest").asText()).isEqualTo(digest);
    assertThat(stored.path("status").asText()).isEqualTo("CONNECTED");
  }

  @Test
  void aRotatedRefreshTokenIsStoredAndUsedNextTime() throws Exception {
    startSandbox(true);
    try {
      Org org = organization();
      String account = connect(org, sandboxUser()).path("accountId").asText();
      String original = onlyAccount(org).path("refreshTokenDigest").asText();

      expiresIn(account, 30);
      assertThat(token(account).has("accessToken")).isTrue();
      String rotated = onlyAccount(org).path("refreshTokenDigest").asText();
      assertThat(rotated).isNotEqualTo(original);

      // The sandbox revokes a rotated-away refresh token: this refresh works only with the new one.
      expiresIn(account, 30);
      JsonNode second = token(account);
      assertThat(second.path("accessToken").asText()).as(second.toString()).isNotBlank();
      assertThat(meStatus(second.path("accessToken").asText())).isEqualTo(200);
      assertThat(onlyAccount(org).path("refreshTokenDigest").asText())
          .isNotEqualTo(rotated)
          .isNotEqualTo(original);
      assertThat(onlyAccount(org).path("status").asText()).isEqualTo("CONNECTED");
    } finally {
      startSandbox(false);
    }
  }

  @Test
  void aRevokedGrantNeedsAReconnectAndSpotifyIsNotAskedAgain() throws Exception {
    Org org = organization();
    String user = sandboxUser();
    String account = connect(org, user).path("accountId").asText();
    assertThat(sandbox.revokeUser(user)).isEqualTo(1);
    expiresIn(account, 30);
    long before = tokenCalls();

    JsonNode refused = token(account);

    assertThat(refused.path("error").asText()).isEqualTo("SpotifyReconnectNeededException");
    assertThat(refused.path("retryable").asBoolean()).isFalse();
    assertThat(refused.path("message").asText()).contains("must be reconnected");
    assertThat(tokenCalls()).isEqualTo(before + 1);
    JsonNode stored = onlyAccount(org);
    assertThat(stored.path("status").asText()).isEqualTo("NEEDS_RECONNECT");
    assertThat(stored.path("hasAccessToken").asBoolean()).isFalse();
    assertThat(stored.path("hasRefreshToken").asBoolean()).isFalse();
    assertThat(stored.path("lastError").asText()).contains("refresh token");
    assertThat(state(org).path("refreshFailures").asLong()).isEqualTo(1);

    JsonNode again = token(account);
    assertThat(again.path("error").asText()).isEqualTo("SpotifyReconnectNeededException");
    assertThat(tokenCalls()).isEqualTo(before + 1);
    assertThat(account(org, account).path("status").asText()).isEqualTo("NEEDS_RECONNECT");
  }

  @Test
  void spotifyDownLeavesTheAccountAsItWasAndSaysRetry() throws Exception {
    Org org = organization();
    String account = connect(org, sandboxUser()).path("accountId").asText();
    String digest = onlyAccount(org).path("refreshTokenDigest").asText();
    expiresIn(account, 30);
    sandbox.injectFault(Fault.serverError(503).onlyForEndpoint("token"));

    JsonNode refused = token(account);

    assertThat(refused.path("error").asText()).isEqualTo("SpotifyRetryLaterException");
    assertThat(refused.path("retryable").asBoolean()).isTrue();
    JsonNode stored = onlyAccount(org);
    assertThat(stored.path("status").asText()).isEqualTo("CONNECTED");
    assertThat(stored.path("refreshTokenDigest").asText()).isEqualTo(digest);
    assertThat(meStatus(token(account).path("accessToken").asText())).isEqualTo(200);
  }

  @Test
  void afterADisconnectTokenRequestsFailAndNothingReachesSpotify() throws Exception {
    Org org = organization();
    String account = connect(org, sandboxUser()).path("accountId").asText();
    long before = tokenCalls();

    assertThat(post("it/spotify/accounts/" + account + "/disconnect", org.json()).statusCode())
        .isEqualTo(204);
    expiresIn(account, 30);
    JsonNode refused = token(account);

    assertThat(refused.path("error").asText()).isEqualTo("SpotifyNotConnectedException");
    assertThat(tokenCalls()).isEqualTo(before);
    JsonNode stored = onlyAccount(org);
    assertThat(stored.path("status").asText()).isEqualTo("DISCONNECTED");
    assertThat(stored.path("hasAccessToken").asBoolean()).isFalse();
    assertThat(stored.path("hasRefreshToken").asBoolean()).isFalse();
    assertThat(state(org).path("disconnected").asLong()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- connect

  @Test
  void connectingTheSameSpotifyUserAgainUpdatesTheSameAccount() throws Exception {
    Org org = organization();
    String user = sandboxUser();

    JsonNode first = connect(org, user);
    assertThat(first.path("reason").asText()).isEqualTo("CONNECTED");
    assertThat(first.path("displayName").asText()).isEqualTo("IT " + user);
    JsonNode firstRow = onlyAccount(org);
    assertThat(firstRow.path("spotifyUserId").asText()).isEqualTo(user);
    assertThat(firstRow.path("status").asText()).isEqualTo("CONNECTED");
    assertThat(firstRow.path("hasAccessToken").asBoolean()).isTrue();
    JsonNode view = account(org, first.path("accountId").asText());
    assertThat(view.path("reconnectWarning").asBoolean()).isFalse();
    assertThat(view.path("reconnectBefore").asText()).isNotBlank();

    JsonNode second = connect(org, user);

    assertThat(second.path("succeeded").asBoolean()).isTrue();
    assertThat(second.path("accountId").asText()).isEqualTo(first.path("accountId").asText());
    JsonNode secondRow = onlyAccount(org);
    assertThat(secondRow.path("refreshTokenDigest").asText())
        .isNotEqualTo(firstRow.path("refreshTokenDigest").asText());
    assertThat(state(org).path("connected").asLong()).isEqualTo(2);
    assertThat(state(org).path("attempts").asLong()).isZero();
  }

  @Test
  void anUnknownStateStoresNothing() throws Exception {
    Org org = organization();

    JsonNode outcome =
        complete(org, org.session(), "never-issued-" + UUID.randomUUID(), "code", null);

    assertFailed(org, outcome, "UNKNOWN_STATE", "unknown or was already used");
  }

  @Test
  void aMissingStateStoresNothing() throws Exception {
    Org org = organization();

    JsonNode outcome = complete(org, org.session(), null, "code", null);

    assertFailed(org, outcome, "MISSING_STATE", "has no state");
  }

  @Test
  void anExpiredAttemptStoresNothing() throws Exception {
    Org org = organization();
    Map<String, String> redirect = approve(org, sandboxUser());
    assertThat(
            post("it/spotify/connect/age", org.json().put("state", redirect.get("state")))
                .statusCode())
        .isEqualTo(204);

    JsonNode outcome =
        complete(org, org.session(), redirect.get("state"), redirect.get("code"), null);

    assertFailed(org, outcome, "EXPIRED", "more than 10 minutes ago");
  }

  @Test
  void aReplayedStateIsRefusedAndChangesNothing() throws Exception {
    Org org = organization();
    Map<String, String> redirect = approve(org, sandboxUser());
    JsonNode first =
        complete(org, org.session(), redirect.get("state"), redirect.get("code"), null);
    assertThat(first.path("succeeded").asBoolean()).as(first.toString()).isTrue();
    JsonNode before = onlyAccount(org);
    long tokenCalls = tokenCalls();

    JsonNode replay =
        complete(org, org.session(), redirect.get("state"), redirect.get("code"), null);

    assertThat(replay.path("reason").asText()).isEqualTo("UNKNOWN_STATE");
    assertThat(replay.path("message").asText()).contains("already used");
    assertThat(onlyAccount(org)).isEqualTo(before);
    assertThat(tokenCalls()).isEqualTo(tokenCalls);
    assertThat(state(org).path("connectFailures").asLong()).isEqualTo(1);
  }

  @Test
  void twoConcurrentCallbacksForOneStateConnectOnce() throws Exception {
    Org org = organization();
    Map<String, String> redirect = approve(org, sandboxUser());
    CompletableFuture<JsonNode> one =
        CompletableFuture.supplyAsync(
            () -> completeUnchecked(org, redirect.get("state"), redirect.get("code")));
    CompletableFuture<JsonNode> two =
        CompletableFuture.supplyAsync(
            () -> completeUnchecked(org, redirect.get("state"), redirect.get("code")));

    List<String> reasons =
        java.util.stream.Stream.of(one.join(), two.join())
            .map(outcome -> outcome.path("reason").asText())
            .sorted()
            .toList();

    assertThat(reasons).containsExactly("CONNECTED", "UNKNOWN_STATE");
    assertThat(state(org).path("accounts").size()).isEqualTo(1);
  }

  @Test
  void aStateFromAnotherSessionIsRefusedAndLeftForItsOwner() throws Exception {
    Org org = organization();
    Map<String, String> redirect = approve(org, sandboxUser());

    JsonNode outcome =
        complete(
            org,
            "another-session-" + UUID.randomUUID(),
            redirect.get("state"),
            redirect.get("code"),
            null);

    assertFailed(org, outcome, "OTHER_SESSION", "another sign-in session");
    assertThat(state(org).path("attempts").asLong()).isEqualTo(1);
    JsonNode owner =
        complete(org, org.session(), redirect.get("state"), redirect.get("code"), null);
    assertThat(owner.path("succeeded").asBoolean()).as(owner.toString()).isTrue();
  }

  @Test
  void aDeniedConsentStoresNothing() throws Exception {
    Org org = organization();
    URI authorize = startConnect(org);
    Map<String, String> redirect = query(sandbox.deny(authorize));
    assertThat(redirect.get("error")).isEqualTo("access_denied");

    JsonNode outcome =
        complete(org, org.session(), redirect.get("state"), null, redirect.get("error"));

    assertFailed(org, outcome, "DENIED", "choose Agree");
    assertThat(state(org).path("attempts").asLong()).isZero();
  }

  @Test
  void aCodeSpotifyRejectsStoresNothing() throws Exception {
    Org org = organization();
    Map<String, String> redirect = approve(org, sandboxUser());

    JsonNode outcome = complete(org, org.session(), redirect.get("state"), "not-a-code", null);

    assertFailed(org, outcome, "CODE_REJECTED", "refused the authorization code");
  }

  @Test
  void spotifyDownDuringTheExchangeStoresNothing() throws Exception {
    Org org = organization();
    Map<String, String> redirect = approve(org, sandboxUser());
    sandbox.injectFault(Fault.serverError(503).onlyForEndpoint("token"));

    JsonNode outcome =
        complete(org, org.session(), redirect.get("state"), redirect.get("code"), null);

    assertFailed(
        org, outcome, "SPOTIFY_UNAVAILABLE", "unavailable right now (it answered HTTP 503)");
  }

  @Test
  void wrongAppCredentialsStoreNothing() throws Exception {
    Org org = organization("wrong-secret");
    Map<String, String> redirect = approve(org, sandboxUser());

    JsonNode outcome =
        complete(org, org.session(), redirect.get("state"), redirect.get("code"), null);

    assertFailed(org, outcome, "APP_REJECTED", "client id and secret");
  }

  // ---------------------------------------------------------------- helpers

  private void assertFailed(Org org, JsonNode outcome, String reason, String words)
      throws Exception {
    assertThat(outcome.path("succeeded").asBoolean()).as(outcome.toString()).isFalse();
    assertThat(outcome.path("reason").asText()).isEqualTo(reason);
    assertThat(outcome.path("message").asText()).contains(words);
    assertThat(outcome.has("accountId")).isFalse();
    JsonNode state = state(org);
    assertThat(state.path("accounts").size()).as("accounts stored").isZero();
    assertThat(state.path("connected").asLong()).isZero();
    assertThat(state.path("connectFailures").asLong()).as("audited").isEqualTo(1);
  }

  /** A fresh sandbox user, so revoking or rate counting in one test touches no other. */
  private static String sandboxUser() {
    String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
    sandbox.createUser(id, "IT " + id);
    return id;
  }

  private Org organization() throws Exception {
    return organization(CLIENT_SECRET);
  }

  private Org organization(String secret) {
    return probe().organization(CLIENT_ID, secret);
  }

  private URI startConnect(Org org) {
    URI authorize = probe().startConnect(org);
    assertThat(authorize.toString())
        .startsWith(sandbox.baseUri() + "/authorize?")
        .contains("code_challenge_method=S256")
        .contains(
            "redirect_uri="
                + java.net.URLEncoder.encode(REDIRECT_URI.toString(), StandardCharsets.UTF_8));
    return authorize;
  }

  /** Starts connecting and agrees on the sandbox's consent page as the user. */
  private Map<String, String> approve(Org org, String user) throws Exception {
    Map<String, String> redirect = query(sandbox.approve(startConnect(org), user));
    assertThat(redirect).containsKeys("code", "state");
    return redirect;
  }

  private JsonNode connect(Org org, String user) throws Exception {
    Map<String, String> redirect = approve(org, user);
    JsonNode outcome =
        complete(org, org.session(), redirect.get("state"), redirect.get("code"), null);
    assertThat(outcome.path("succeeded").asBoolean()).as(outcome.toString()).isTrue();
    return outcome;
  }

  private JsonNode complete(Org org, String session, String state, String code, String error) {
    return probe().complete(org, session, state, code, error);
  }

  private JsonNode completeUnchecked(Org org, String state, String code) {
    try {
      return complete(org, org.session(), state, code, null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode token(String account) throws Exception {
    HttpResponse<String> response =
        post("it/spotify/accounts/" + account + "/token", JSON.createObjectNode());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 409);
    return JsonBodies.parse(response.body());
  }

  private void expiresIn(String account, long seconds) throws Exception {
    HttpResponse<String> response =
        post(
            "it/spotify/accounts/" + account + "/expires-in?seconds=" + seconds,
            JSON.createObjectNode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  private JsonNode state(Org org) throws Exception {
    HttpResponse<String> response = get("it/spotify/organizations/" + org.organizationId());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonBodies.parse(response.body());
  }

  private JsonNode onlyAccount(Org org) throws Exception {
    JsonNode accounts = state(org).path("accounts");
    assertThat(accounts.size()).as(accounts.toString()).isEqualTo(1);
    return accounts.get(0);
  }

  private JsonNode account(Org org, String account) throws Exception {
    HttpResponse<String> response =
        get(
            "it/spotify/accounts/"
                + account
                + "?adminId="
                + org.adminId()
                + "&username="
                + org.username()
                + "&organizationId="
                + org.organizationId());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonBodies.parse(response.body());
  }

  private static long tokenCalls() {
    return sandbox.counters().calls("token");
  }

  private static int meStatus(String accessToken) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(sandbox.baseUri().resolve("/v1/me"))
                .header("Authorization", "Bearer " + accessToken)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static Map<String, String> query(URI redirect) {
    return SpotifyProbeClient.query(redirect);
  }

  private HttpResponse<String> post(String path, Object json) {
    return probe().post(path, json);
  }

  private HttpResponse<String> get(String path) {
    return probe().get(path);
  }

  private SpotifyProbeClient probe() {
    try {
      return new SpotifyProbeClient(base.toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * (Re)starts the sandbox on the port the server was configured with; refresh token rotation is
   * fixed per sandbox, so the rotation test swaps it. Tokens of the previous sandbox die with it.
   */
  private static synchronized void startSandbox(boolean rotate) {
    if (sandbox != null && rotating == rotate) {
      return;
    }
    if (sandbox != null) {
      sandbox.close();
    }
    int port = Integer.getInteger("arquillian.sandbox.port");
    sandbox =
        SpotifySandbox.builder()
            .port(port)
            .rotateRefreshTokens(rotate)
            .callsPer30s(100_000)
            .demo(true)
            .build();
    try {
      sandbox.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sandbox.registerApp(CLIENT_ID, CLIENT_SECRET, List.of(REDIRECT_URI));
    rotating = rotate;
  }

  /** The vault keyset arquillian.xml names; made once per build directory. */
  private static void ensureVaultKeyset() {
    Path file =
        Path.of(System.getProperty("marquee.it.dir", "target/it"), "arquillian-vault-keyset.json");
    if (Files.exists(file)) {
      return;
    }
    try {
      AeadConfig.register();
      String json =
          TinkJsonProtoKeysetFormat.serializeKeyset(
              KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
              InsecureSecretKeyAccess.get());
      Files.createDirectories(file.getParent());
      Files.writeString(file, json);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not make a vault keyset for the tests", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
