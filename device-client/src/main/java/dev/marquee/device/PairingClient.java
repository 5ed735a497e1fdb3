package dev.marquee.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The pairing half of the screens protocol, over HTTP: asks for a code, then picks the device token
 * up once an admin has claimed it.
 */
final class PairingClient {

  /** What a pickup found. */
  sealed interface Pickup {}

  /** Not claimed yet: ask again in a few seconds. */
  record Waiting() implements Pickup {}

  /** Claimed: the token, handed out this once. */
  record Paired(String screenId, DeviceToken token) implements Pickup {}

  /** Expired, picked up already, or too many wrong secrets: ask for a new code. */
  record Gone(String why) implements Pickup {}

  private final ServerAddress server;
  private final HttpClient http;
  private final Duration timeout;

  PairingClient(ServerAddress server, HttpClient http, Duration timeout) {
    this.server = server;
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * Asks for a new pairing code.
   *
   * @throws PairingException when the server refuses (429: {@link PairingException#tooManyCodes})
   *     or answers with something else than a code
   */
  PairingCode start(String client) throws IOException, InterruptedException, PairingException {
    HttpResponse<String> answer =
        post(server.http("/api/screens/pairing"), Json.write(Map.of("client", client)));
    if (answer.statusCode() == 429) {
      throw new PairingException("the server has enough codes waiting for this address", true);
    }
    if (answer.statusCode() != 201) {
      throw unexpected("a pairing code", answer);
    }
    JsonNode body = body(answer);
    try {
      return new PairingCode(
          text(body, "pairingId"),
          text(body, "code"),
          text(body, "secret"),
          text(body, "claimUrl"),
          Instant.parse(text(body, "expiresAt")));
    } catch (DateTimeParseException e) {
      throw new PairingException("the pairing code's expiresAt is not a time", false);
    }
  }

  /**
   * Asks whether the code was claimed.
   *
   * @throws PairingException when the answer is none of waiting, paired or gone
   */
  Pickup pickup(PairingCode code) throws IOException, InterruptedException, PairingException {
    URI uri = server.http("/api/screens/pairing/" + code.pairingId() + "/pickup");
    HttpResponse<String> answer = post(uri, Json.write(Map.of("secret", code.secret())));
    switch (answer.statusCode()) {
      case 202:
        return new Waiting();
      case 200:
        JsonNode body = body(answer);
        try {
          return new Paired(text(body, "screenId"), DeviceToken.of(text(body, "token")));
        } catch (IllegalArgumentException e) {
          throw new PairingException("the pickup answered with a malformed token", false);
        }
      case 404:
      case 410:
        return new Gone(body(answer).path("error").asText("gone"));
      default:
        throw unexpected("the pickup's status", answer);
    }
  }

  private HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode body(HttpResponse<String> answer) throws PairingException {
    try {
      JsonNode body = Json.decode(answer.body());
      if (!body.isObject()) {
        throw new PairingException("the pairing API answered with JSON that is no object", false);
      }
      return body;
    } catch (ProtocolException e) {
      throw new PairingException(
          "the pairing API answered HTTP " + answer.statusCode() + " with malformed JSON", false);
    }
  }

  private static String text(JsonNode body, String field) throws PairingException {
    JsonNode value = body.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new PairingException("the pairing API's answer has no \"" + field + "\"", false);
    }
    return value.asText();
  }

  private static PairingException unexpected(String waitingFor, HttpResponse<String> answer) {
    // The body may hold the code's secret on a misbehaving server: it is not repeated.
    return new PairingException(
        "expected " + waitingFor + ", got HTTP " + answer.statusCode(), false);
  }
}
