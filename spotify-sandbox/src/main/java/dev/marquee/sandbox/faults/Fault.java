package dev.marquee.sandbox.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.sandbox.Endpoints;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.http.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A failure to inject into the next calls, in the forms Spotify really fails: plain-text and quota
 * 429s with {@code Retry-After}, 5xx errors, slow answers and truncated JSON. Immutable: the {@code
 * times}/{@code only...} methods return adjusted copies.
 */
public final class Fault {

  /** The kinds of failure. */
  public enum Kind {
    /** 429, {@code Retry-After}, plain-text body {@code Too many requests}. */
    TOO_MANY_REQUESTS,
    /** 429, {@code Retry-After}, JSON error with {@code "reason": "QUOTA_EXCEEDED"}. */
    QUOTA_EXCEEDED,
    /** A 5xx with Spotify's error JSON. */
    SERVER_ERROR,
    /** The normal answer, after a real-time delay (to trip client timeouts). */
    DELAY,
    /** 200 with the normal JSON cut in half. */
    MALFORMED_JSON
  }

  private final Kind kind;
  private final int times;
  private final String userId;
  private final String endpoint;
  private final Duration retryAfter;
  private final int status;
  private final Duration delay;

  private Fault(
      Kind kind,
      int times,
      String userId,
      String endpoint,
      Duration retryAfter,
      int status,
      Duration delay) {
    if (times < 1) {
      throw new IllegalArgumentException("A fault must apply to at least one call");
    }
    this.kind = kind;
    this.times = times;
    this.userId = userId;
    this.endpoint = endpoint;
    this.retryAfter = retryAfter;
    this.status = status;
    this.delay = delay;
  }

  public static Fault tooManyRequests(Duration retryAfter) {
    return new Fault(Kind.TOO_MANY_REQUESTS, 1, null, null, requireRetry(retryAfter), 429, null);
  }

  public static Fault quotaExceeded(Duration retryAfter) {
    return new Fault(Kind.QUOTA_EXCEEDED, 1, null, null, requireRetry(retryAfter), 429, null);
  }

  /**
   * @param status 500 to 599; Spotify is seen answering 500, 502 and 503
   */
  public static Fault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("A server error status is between 500 and 599");
    }
    return new Fault(Kind.SERVER_ERROR, 1, null, null, null, status, null);
  }

  public static Fault delay(Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("A delay must be positive");
    }
    return new Fault(Kind.DELAY, 1, null, null, null, 200, delay);
  }

  public static Fault malformedJson() {
    return new Fault(Kind.MALFORMED_JSON, 1, null, null, null, 200, null);
  }

  /** Applies to the next {@code count} matching calls instead of one. */
  public Fault times(int count) {
    return new Fault(kind, count, userId, endpoint, retryAfter, status, delay);
  }

  /** Only calls made with this user's tokens. */
  public Fault onlyForUser(String user) {
    return new Fault(
        kind, times, Objects.requireNonNull(user), endpoint, retryAfter, status, delay);
  }

  /** Only calls to this endpoint, one of {@link Endpoints#ALL}. */
  public Fault onlyForEndpoint(String name) {
    // A misspelt name would silently never match, so refuse it.
    if (!Endpoints.ALL.contains(name)) {
      throw new IllegalArgumentException("Unknown endpoint " + name + "; one of " + Endpoints.ALL);
    }
    return new Fault(kind, times, userId, name, retryAfter, status, delay);
  }

  public Kind kind() {
    return kind;
  }

  public int times() {
    return times;
  }

  /** The targeted user, or null for every user. */
  public String userId() {
    return userId;
  }

  /** The targeted endpoint, or null for every Web API endpoint. */
  public String endpoint() {
    return endpoint;
  }

  /** For 429 kinds; null otherwise. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public int status() {
    return status;
  }

  /** For {@link Kind#DELAY}; null otherwise. */
  public Duration delay() {
    return delay;
  }

  /**
   * Whether this fault hits a call. Without an explicit endpoint it targets the Web API only, so a
   * blanket 503 does not also break token refreshes unless asked for.
   */
  boolean appliesTo(String callUserId, String callEndpoint, boolean webApi) {
    boolean endpointMatches = endpoint == null ? webApi : endpoint.equals(callEndpoint);
    return endpointMatches && (userId == null || userId.equals(callUserId));
  }

  /** The reply with this fault in effect. */
  HttpReply apply(ReplySupplier normal) throws IOException, InterruptedException {
    return switch (kind) {
      case TOO_MANY_REQUESTS ->
          HttpReply.text(429, "Too many requests").withHeader("Retry-After", retryAfterSeconds());
      case QUOTA_EXCEEDED ->
          HttpReply.json(429, quotaErrorBody()).withHeader("Retry-After", retryAfterSeconds());
      case SERVER_ERROR -> HttpReply.json(status, errorBody(status, serverErrorMessage()));
      case DELAY -> {
        Thread.sleep(delay.toMillis());
        yield normal.get();
      }
      case MALFORMED_JSON -> truncated(normal.get());
    };
  }

  private String retryAfterSeconds() {
    // Retry-After carries whole seconds; round up so a client never comes back too early.
    return Long.toString(retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
  }

  private String serverErrorMessage() {
    return switch (status) {
      case 502 -> "Bad gateway.";
      case 503 -> "Service unavailable";
      default -> "Server error.";
    };
  }

  private static ObjectNode errorBody(int status, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("status", status).put("message", message);
    return body;
  }

  /** Spotify's quota 429: the reason sits inside the error object. */
  private static ObjectNode quotaErrorBody() {
    ObjectNode body = errorBody(429, "API rate limit exceeded");
    ((ObjectNode) body.get("error")).put("reason", "QUOTA_EXCEEDED");
    return body;
  }

  private static HttpReply truncated(HttpReply normal) {
    byte[] json =
        normal.hasBody()
            ? normal.body()
            : Json.bytes(Json.object().put("is_playing", false).putNull("item"));
    byte[] half = Arrays.copyOf(json, Math.max(1, json.length / 2));
    return HttpReply.withBody(200, "application/json; charset=utf-8", half);
  }

  @Override
  public String toString() {
    return "Fault["
        + kind
        + " x"
        + times
        + (userId == null ? "" : " user=" + userId)
        + (endpoint == null ? "" : " endpoint=" + endpoint)
        + "]";
  }

  private static Duration requireRetry(Duration retryAfter) {
    if (retryAfter == null || retryAfter.isNegative()) {
      throw new IllegalArgumentException("Retry-After must not be negative");
    }
    return retryAfter;
  }
}
