package dev.marquee.sandbox;

import static dev.marquee.sandbox.AuthorizationCodeFlowTest.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

  @Test
  void refreshWithoutRotationOmitsRefreshTokenAndTheOldOneKeepsWorking() {
    try (SandboxHarness harness = new SandboxHarness()) {
      SandboxHarness.Tokens tokens = harness.connect();

      HttpResponse<String> first = harness.refresh(tokens.refreshToken());
      HttpResponse<String> second = harness.refresh(tokens.refreshToken());

      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      JsonNode body = SandboxHarness.json(first);
      assertThat(body.has("refresh_token")).isFalse();
      assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
      assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
      assertThat(body.get("scope").asText()).contains("user-read-currently-playing");
      String newAccessToken = body.get("access_token").asText();
      assertThat(newAccessToken).isNotEqualTo(tokens.accessToken());
      assertThat(harness.get("/v1/me", newAccessToken).statusCode()).isEqualTo(200);
      assertThat(second.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refreshWithRotationReturnsANewRefreshTokenAndRetiresTheOldOne() {
    try (SandboxHarness harness =
        new SandboxHarness(builder -> builder.rotateRefreshTokens(true))) {
      SandboxHarness.Tokens tokens = harness.connect();

      HttpResponse<String> rotated = harness.refresh(tokens.refreshToken());

      assertThat(rotated.statusCode()).isEqualTo(200);
      String newRefreshToken = SandboxHarness.json(rotated).get("refresh_token").asText();
      assertThat(newRefreshToken).isNotBlank().isNotEqualTo(tokens.refreshToken());
      assertOAuthError(harness.refresh(tokens.refreshToken()), 400, "invalid_grant");
      assertThat(harness.refresh(newRefreshToken).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void remembersEveryIssuedTokenForLeakSearches() {
    try (SandboxHarness harness =
        new SandboxHarness(builder -> builder.rotateRefreshTokens(true))) {
      SandboxHarness.Tokens tokens = harness.connect();
      JsonNode rotated = SandboxHarness.json(harness.refresh(tokens.refreshToken()));

      assertThat(harness.sandbox.issuedTokens())
          .contains(
              tokens.accessToken(),
              tokens.refreshToken(),
              rotated.get("access_token").asText(),
              rotated.get("refresh_token").asText());
    }
  }

  @Test
  void revokedUserGetsInvalidGrantAndItsAccessTokensStopWorking() {
    try (SandboxHarness harness = new SandboxHarness()) {
      SandboxHarness.Tokens tokens = harness.connect();

      HttpResponse<String> revoke = harness.control("POST", "/sandbox/users/alice/revoke", null);
      assertThat(revoke.statusCode()).isEqualTo(200);
      assertThat(SandboxHarness.json(revoke).get("revoked_authorizations").asInt()).isEqualTo(1);

      HttpResponse<String> refresh = harness.refresh(tokens.refreshToken());
      assertOAuthError(refresh, 400, "invalid_grant");
      assertThat(SandboxHarness.json(refresh).get("error_description").asText())
          .isEqualTo("Refresh token revoked");
      HttpResponse<String> me = harness.get("/v1/me", tokens.accessToken());
      assertThat(me.statusCode()).isEqualTo(401);
      assertThat(SandboxHarness.json(me).get("error").get("message").asText())
          .isEqualTo("Invalid access token");
    }
  }

  @Test
  void unknownRefreshTokenIsInvalidGrant() {
    try (SandboxHarness harness = new SandboxHarness()) {
      HttpResponse<String> refresh = harness.refresh("AQnot-a-real-token");

      assertOAuthError(refresh, 400, "invalid_grant");
      assertThat(SandboxHarness.json(refresh).get("error_description").asText())
          .isEqualTo("Refresh token revoked");
    }
  }

  @Test
  void refreshTokenExpiresSixMonthsAfterAuthorization() {
    try (SandboxHarness harness = new SandboxHarness()) {
      SandboxHarness.Tokens tokens = harness.connect();

      harness.clock.advance(Duration.ofDays(180));
      assertThat(harness.refresh(tokens.refreshToken()).statusCode()).isEqualTo(200);

      // 2025-06-01 + 6 months = 2025-12-01: 183 days.
      harness.clock.advance(Duration.ofDays(3));
      assertOAuthError(harness.refresh(tokens.refreshToken()), 400, "invalid_grant");
    }
  }

  @Test
  void refreshTokenOfAnotherClientIsInvalidGrant() {
    try (SandboxHarness harness = new SandboxHarness()) {
      harness.sandbox.registerApp(
          "other-app", "other-secret", List.of(URI.create(SandboxHarness.REDIRECT_URI)));
      SandboxHarness.Tokens tokens = harness.connect();

      HttpResponse<String> refresh =
          harness.tokenWithBasic(
              Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()),
              "other-app",
              "other-secret");

      assertOAuthError(refresh, 400, "invalid_grant");
    }
  }

  @Test
  void confidentialClientMayRefreshWithBasicAuthentication() {
    try (SandboxHarness harness = new SandboxHarness()) {
      SandboxHarness.Tokens tokens = harness.connect();

      HttpResponse<String> refresh =
          harness.tokenWithBasic(
              Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()),
              SandboxHarness.CLIENT_ID,
              SandboxHarness.CLIENT_SECRET);

      assertThat(refresh.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void clientCredentialsTokenCannotReadUserData() {
    try (SandboxHarness harness = new SandboxHarness()) {
      HttpResponse<String> token =
          harness.tokenWithBasic(
              Map.of("grant_type", "client_credentials"),
              SandboxHarness.CLIENT_ID,
              SandboxHarness.CLIENT_SECRET);
      assertThat(token.statusCode()).isEqualTo(200);
      JsonNode body = SandboxHarness.json(token);
      assertThat(body.has("refresh_token")).isFalse();
      String accessToken = body.get("access_token").asText();

      HttpResponse<String> me = harness.get("/v1/me", accessToken);
      assertThat(me.statusCode()).isEqualTo(401);
      assertThat(SandboxHarness.json(me).get("error").get("message").asText())
          .isEqualTo("This request requires user authentication.");
      HttpResponse<String> playing = harness.currentlyPlaying(accessToken);
      assertThat(playing.statusCode()).isEqualTo(403);
      assertThat(SandboxHarness.json(playing).get("error").get("status").asInt()).isEqualTo(403);
    }
  }

  @Test
  void clientCredentialsNeedsTheSecret() {
    try (SandboxHarness harness = new SandboxHarness()) {
      assertOAuthError(
          harness.token(
              Map.of("grant_type", "client_credentials", "client_id", SandboxHarness.CLIENT_ID)),
          400,
          "invalid_client");
    }
  }
}
