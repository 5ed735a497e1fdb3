package dev.marquee.sandbox;

import static dev.marquee.sandbox.AuthorizationCodeFlowTest.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.sandbox.state.StateFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --state-file}: what a connected client relies on survives a restart of the sandbox, and
 * Spotify's rules (expiry, revocation, rotation) still hold across it.
 */
class StateFileTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path directory;

  private Path stateFile() {
    return directory.resolve("data").resolve("sandbox-state.json");
  }

  private SandboxHarness sandboxAt(Instant now) {
    return sandboxAt(now, builder -> {});
  }

  private SandboxHarness sandboxAt(Instant now, Consumer<SpotifySandbox.Builder> more) {
    return new SandboxHarness(
        new SandboxClock(now),
        builder -> {
          builder.stateFile(stateFile());
          more.accept(builder);
        });
  }

  @Test
  void refreshTokenAndUnexpiredAccessTokenWorkAfterARestart() {
    SandboxHarness.Tokens tokens;
    try (SandboxHarness first = sandboxAt(SandboxHarness.START)) {
      tokens = connectThroughTheConsentPage(first);
      assertThat(first.get("/v1/me", tokens.accessToken()).statusCode()).isEqualTo(200);
    }

    try (SandboxHarness second = sandboxAt(SandboxHarness.START.plus(Duration.ofMinutes(30)))) {
      assertThat(second.sandbox.stateSummary())
          .hasValueSatisfying(
              summary -> assertThat(summary).startsWith("restored 1 authorizations"));
      HttpResponse<String> me = second.get("/v1/me", tokens.accessToken());
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      assertThat(SandboxHarness.json(me).get("id").asText()).isEqualTo("alice");

      HttpResponse<String> refresh = second.refresh(tokens.refreshToken());
      assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
      JsonNode body = SandboxHarness.json(refresh);
      assertThat(body.get("scope").asText().split(" "))
          .containsExactlyInAnyOrder(SandboxHarness.PLAYBACK_SCOPES.split(" "));
      assertThat(body.has("refresh_token")).isFalse();
      String newAccessToken = body.get("access_token").asText();
      assertThat(second.currentlyPlaying(newAccessToken).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anAccessTokenThatExpiredMeanwhileIsReportedExpiredAndTheRefreshTokenStillWorks() {
    SandboxHarness.Tokens tokens;
    try (SandboxHarness first = sandboxAt(SandboxHarness.START)) {
      tokens = first.connect();
    }

    try (SandboxHarness second = sandboxAt(SandboxHarness.START.plus(Duration.ofMinutes(61)))) {
      HttpResponse<String> me = second.get("/v1/me", tokens.accessToken());
      assertThat(me.statusCode()).isEqualTo(401);
      assertThat(SandboxHarness.json(me).get("error").get("message").asText())
          .isEqualTo("The access token expired");
      assertThat(second.refresh(tokens.refreshToken()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void sixMonthsStillCountFromTheOriginalAuthorization() {
    SandboxHarness.Tokens tokens;
    try (SandboxHarness first = sandboxAt(SandboxHarness.START)) {
      tokens = first.connect();
    }
    // 180 days later: still within six months of 2025-06-01 (2025-12-01 is 183 days).
    try (SandboxHarness second = sandboxAt(SandboxHarness.START.plus(Duration.ofDays(180)))) {
      assertThat(second.refresh(tokens.refreshToken()).statusCode()).isEqualTo(200);
    }
    // Had a restart restarted the six months, this would still pass.
    try (SandboxHarness third = sandboxAt(SandboxHarness.START.plus(Duration.ofDays(184)))) {
      HttpResponse<String> refresh = third.refresh(tokens.refreshToken());
      assertOAuthError(refresh, 400, "invalid_grant");
      assertThat(SandboxHarness.json(refresh).get("error_description").asText())
          .isEqualTo("Refresh token expired");
    }
  }

  @Test
  void aRevokedAuthorizationStaysRevokedAfterARestart() {
    SandboxHarness.Tokens tokens;
    try (SandboxHarness first = sandboxAt(SandboxHarness.START)) {
      tokens = first.connect();
      assertThat(first.control("POST", "/sandbox/users/alice/revoke", null).statusCode())
          .isEqualTo(200);
    }

    try (SandboxHarness second = sandboxAt(SandboxHarness.START.plus(Duration.ofMinutes(1)))) {
      HttpResponse<String> refresh = second.refresh(tokens.refreshToken());
      assertOAuthError(refresh, 400, "invalid_grant");
      assertThat(SandboxHarness.json(refresh).get("error_description").asText())
          .isEqualTo("Refresh token revoked");
      assertThat(second.get("/v1/me", tokens.accessToken()).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void withRotationOnlyTheLatestRefreshTokenWorksAfterARestart() {
    Consumer<SpotifySandbox.Builder> rotate = builder -> builder.rotateRefreshTokens(true);
    String original;
    String rotated;
    try (SandboxHarness first = sandboxAt(SandboxHarness.START, rotate)) {
      original = first.connect().refreshToken();
      HttpResponse<String> refresh = first.refresh(original);
      assertThat(refresh.statusCode()).isEqualTo(200);
      rotated = SandboxHarness.json(refresh).get("refresh_token").asText();
    }

    try (SandboxHarness second =
        sandboxAt(SandboxHarness.START.plus(Duration.ofMinutes(5)), rotate)) {
      assertOAuthError(second.refresh(original), 400, "invalid_grant");
      assertThat(second.refresh(rotated).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void changesAreWrittenSoonWithoutWaitingForShutdown() throws Exception {
    try (SandboxHarness running = sandboxAt(SandboxHarness.START)) {
      SandboxHarness.Tokens tokens = running.connect();
      assertThat(running.sandbox.awaitStateWritten(Duration.ofSeconds(10))).isTrue();

      // As if the first one had been killed: a second instance reads what is on disk now.
      try (SandboxHarness afterCrash =
          sandboxAt(SandboxHarness.START.plus(Duration.ofMinutes(1)))) {
        assertThat(afterCrash.refresh(tokens.refreshToken()).statusCode()).isEqualTo(200);
        assertThat(afterCrash.get("/v1/me", tokens.accessToken()).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void theFileIsOwnerOnlyAndHoldsHashesNotTokensOrSecrets() throws Exception {
    SandboxHarness.Tokens tokens;
    String runtimeSecret = "runtime-secret-" + SandboxHarness.newVerifier().verifier();
    try (SandboxHarness first = sandboxAt(SandboxHarness.START)) {
      tokens = first.connect();
      assertThat(
              first
                  .control(
                      "POST",
                      "/sandbox/apps",
                      Map.of(
                          "client_id",
                          "runtime-app",
                          "client_secret",
                          runtimeSecret,
                          "redirect_uris",
                          List.of(SandboxHarness.REDIRECT_URI)))
                  .statusCode())
          .isEqualTo(201);
      assertThat(first.sandbox.awaitStateWritten(Duration.ofSeconds(10))).isTrue();

      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile())))
          .isEqualTo("rw-------");
      String text = Files.readString(stateFile());
      assertThat(text)
          .doesNotContain(tokens.accessToken())
          .doesNotContain(tokens.refreshToken())
          .doesNotContain(runtimeSecret)
          .doesNotContain(SandboxHarness.CLIENT_SECRET)
          // Looked up by hash: the refresh token's SHA-256 is what the file keeps.
          .contains(SandboxHarness.s256(tokens.refreshToken()))
          .contains(SandboxHarness.s256(tokens.accessToken()));
      for (String issued : first.sandbox.issuedTokens()) {
        assertThat(text).doesNotContain(issued);
      }
    }
    try (Stream<Path> files = Files.list(stateFile().getParent())) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .as("no temporary files left behind")
          .containsExactly("sandbox-state.json");
    }
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile().getParent())))
        .as("the directory the sandbox created")
        .isEqualTo("rwx------");
  }

  @Test
  void appsAndUsersAddedAtRuntimeComeBackConfiguredOnesAreNotStored() throws Exception {
    try (SandboxHarness first = sandboxAt(SandboxHarness.START)) {
      assertThat(
              first
                  .control(
                      "POST",
                      "/sandbox/apps",
                      Map.of(
                          "client_id", "runtime-app",
                          "client_secret", "runtime-secret",
                          "redirect_uris", List.of("https://runtime.example/callback")))
                  .statusCode())
          .isEqualTo(201);
      assertThat(
              first
                  .control("POST", "/sandbox/users", Map.of("id", "bob", "display_name", "Bob"))
                  .statusCode())
          .isEqualTo(201);
    }
    JsonNode saved = MAPPER.readTree(stateFile().toFile());
    assertThat(saved.get("apps").findValuesAsText("client_id")).containsExactly("runtime-app");
    assertThat(saved.get("users").findValuesAsText("id")).containsExactly("bob");

    try (SandboxHarness second = sandboxAt(SandboxHarness.START.plus(Duration.ofHours(2)))) {
      assertThat(second.sandbox.clientIds()).contains("runtime-app", SandboxHarness.CLIENT_ID);
      assertThat(second.sandbox.user("bob"))
          .hasValueSatisfying(bob -> assertThat(bob.user().displayName()).isEqualTo("Bob"));
      // The app's secret was kept as a hash and still authenticates it.
      HttpResponse<String> token =
          second.tokenWithBasic(
              Map.of("grant_type", "client_credentials"), "runtime-app", "runtime-secret");
      assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
      assertOAuthError(
          second.tokenWithBasic(
              Map.of("grant_type", "client_credentials"), "runtime-app", "wrong-secret"),
          401,
          "invalid_client");
    }
  }

  @Test
  void aCorruptFileIsMovedAsideAndTheSandboxStartsFresh() throws Exception {
    Files.createDirectories(stateFile().getParent());
    Files.writeString(stateFile(), "{\"format\": \"marquee-spotify-sandbox-state\", \"vers");

    try (SandboxHarness started = sandboxAt(SandboxHarness.START)) {
      assertThat(started.sandbox.stateWarning())
          .hasValueSatisfying(
              warning ->
                  assertThat(warning)
                      .contains(stateFile().toString())
                      .contains("moved it to sandbox-state.json.corrupt-20250601-120000")
                      .doesNotContain("\n"));
      Path aside = stateFile().resolveSibling("sandbox-state.json.corrupt-20250601-120000");
      assertThat(Files.readString(aside))
          .isEqualTo("{\"format\": \"marquee-spotify-sandbox-state\", \"vers");
      // Fresh, and the new file is written and usable from the start.
      assertThat(started.connect().refreshToken()).isNotBlank();
      assertThat(MAPPER.readTree(stateFile().toFile()).get("version").asInt()).isEqualTo(1);
    }
  }

  @Test
  void aFileWithABadEntryIsAlsoMovedAsideAndNothingOfItIsUsed() throws Exception {
    SandboxHarness.Tokens tokens;
    try (SandboxHarness first = sandboxAt(SandboxHarness.START)) {
      tokens = first.connect();
    }
    String text = Files.readString(stateFile());
    Files.writeString(
        stateFile(), text.replace("\"authorized_at\" : \"", "\"authorized_at\" : \"x"));

    try (SandboxHarness second = sandboxAt(SandboxHarness.START.plus(Duration.ofMinutes(1)))) {
      assertThat(second.sandbox.stateWarning())
          .hasValueSatisfying(warning -> assertThat(warning).contains("authorized_at"));
      assertOAuthError(second.refresh(tokens.refreshToken()), 400, "invalid_grant");
      assertThat(second.get("/v1/me", tokens.accessToken()).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void anUnreadableFileRefusesToStartWithOneLine() throws Exception {
    // A directory where the file should be: readable by nobody as a file, even by root.
    Files.createDirectories(stateFile());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    SandboxMain.Launch launch =
        SandboxMain.launch(
            new String[] {"--port", "0", "--demo", "--state-file", stateFile().toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(launch.exitCode()).isEqualTo(1);
    assertThat(launch.sandbox()).isNull();
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message.strip().lines()).hasSize(1);
    assertThat(message)
        .startsWith("spotify-sandbox: cannot read state file " + stateFile())
        .contains("refusing to start");
    assertThat(Files.isDirectory(stateFile())).as("left as it was").isTrue();
    assertThatThrownBy(
            () -> SpotifySandbox.builder().port(0).stateFile(stateFile()).build().start())
        .isInstanceOf(StateFileException.class);
  }

  @Test
  void anUnwritableLocationRefusesToStartWithOneLine() {
    // /proc takes no new files, not even from root (file permissions would not stop root).
    Path unwritable = Path.of("/proc", "sandbox-state-" + ProcessHandle.current().pid() + ".json");
    assumeTrue(Files.isDirectory(Path.of("/proc/self")) && !Files.exists(unwritable));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    SandboxMain.Launch launch =
        SandboxMain.launch(
            new String[] {"--port", "0", "--state-file", unwritable.toString()},
            print(new ByteArrayOutputStream()),
            print(err));

    assertThat(launch.exitCode()).isEqualTo(1);
    assertThat(launch.sandbox()).isNull();
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message.strip().lines()).hasSize(1);
    assertThat(message)
        .startsWith("spotify-sandbox: cannot write state file " + unwritable)
        .contains("refusing to start");
  }

  @Test
  void theCommandLineKeepsStateAcrossRestartsAndSaysSo() throws Exception {
    String[] args = {"--port", "0", "--demo", "--state-file", stateFile().toString()};
    String refreshToken;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SandboxMain.Launch first =
        SandboxMain.launch(args, print(out), print(new ByteArrayOutputStream()));
    try (SpotifySandbox sandbox = first.sandbox()) {
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("new state file " + stateFile());
      refreshToken = connectDemo(sandbox);
    }

    out.reset();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    SandboxMain.Launch second = SandboxMain.launch(args, print(out), print(err));
    try (SpotifySandbox sandbox = second.sandbox()) {
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("demo: 3 users playing; restored 1 authorizations");
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
      HttpResponse<String> refresh =
          postForm(
              sandbox.baseUri().resolve("/api/token"),
              Map.of(
                  "grant_type",
                  "refresh_token",
                  "refresh_token",
                  refreshToken,
                  "client_id",
                  SpotifySandbox.DEMO_CLIENT_ID));
      assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
    }
  }

  @Test
  void withoutAStateFileNothingIsWritten() throws Exception {
    Path workingDirectory = Path.of("").toAbsolutePath();
    List<Path> before = listing(workingDirectory);
    try (SandboxHarness harness = new SandboxHarness()) {
      harness.connect();
      assertThat(harness.sandbox.stateFile()).isEmpty();
      assertThatThrownBy(harness.sandbox::saveState).isInstanceOf(IllegalStateException.class);
    }
    assertThat(listing(workingDirectory)).isEqualTo(before);
    assertThat(CliOptions.parse("--demo").toBuilder().build().stateFile()).isEmpty();
  }

  // ---- helpers ----

  /** The whole flow a browser and Marquee go through: consent page, decision, code exchange. */
  private static SandboxHarness.Tokens connectThroughTheConsentPage(SandboxHarness harness) {
    SandboxHarness.Verifier verifier = SandboxHarness.newVerifier();
    HttpResponse<String> page =
        harness.send(
            HttpRequest.newBuilder(harness.authorizeUri(verifier.challenge())).GET().build());
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher pending = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(pending.find()).isTrue();
    HttpResponse<String> decision =
        harness.decide(pending.group(1), SandboxHarness.USER, "approve");
    assertThat(decision.statusCode()).isEqualTo(302);
    URI location = URI.create(decision.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> token =
        harness.token(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                SandboxHarness.query(location).get("code"),
                "redirect_uri",
                SandboxHarness.REDIRECT_URI,
                "client_id",
                SandboxHarness.CLIENT_ID,
                "code_verifier",
                verifier.verifier()));
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    JsonNode json = SandboxHarness.json(token);
    return new SandboxHarness.Tokens(
        json.get("access_token").asText(), json.get("refresh_token").asText(), json);
  }

  /** Connects demo-gym to the demo app with PKCE against a CLI-started sandbox. */
  private static String connectDemo(SpotifySandbox sandbox)
      throws IOException, InterruptedException {
    SandboxHarness.Verifier verifier = SandboxHarness.newVerifier();
    String redirect = SpotifySandbox.DEMO_REDIRECT_URI.toString();
    URI authorize =
        URI.create(
            sandbox.baseUri()
                + "/authorize?"
                + SandboxHarness.form(
                    Map.of(
                        "client_id",
                        SpotifySandbox.DEMO_CLIENT_ID,
                        "response_type",
                        "code",
                        "redirect_uri",
                        redirect,
                        "scope",
                        "user-read-currently-playing",
                        "code_challenge_method",
                        "S256",
                        "code_challenge",
                        verifier.challenge())));
    String code = SandboxHarness.query(sandbox.approve(authorize, "demo-gym")).get("code");
    HttpResponse<String> token =
        postForm(
            sandbox.baseUri().resolve("/api/token"),
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                redirect,
                "client_id",
                SpotifySandbox.DEMO_CLIENT_ID,
                "code_verifier",
                verifier.verifier()));
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    return SandboxHarness.json(token).get("refresh_token").asText();
  }

  private static HttpResponse<String> postForm(URI uri, Map<String, String> form)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(SandboxHarness.form(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static PrintStream print(ByteArrayOutputStream stream) {
    return new PrintStream(stream, true, StandardCharsets.UTF_8);
  }

  private static List<Path> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
