package dev.marquee.sandbox.webapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.http.Json;

/** Web API errors in Spotify's shape: {@code {"error":{"status":401,"message":"..."}}}. */
final class ApiErrors {

  private ApiErrors() {}

  static HttpReply error(int status, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("status", status).put("message", message);
    return HttpReply.json(status, body);
  }

  /** A 401 also carries the RFC 6750 challenge, as Spotify's does. */
  static HttpReply unauthorized(String message) {
    return error(401, message)
        .withHeader(
            "WWW-Authenticate",
            "Bearer realm=\"spotify\", error=\"invalid_token\", error_description=\""
                + message
                + "\"");
  }
}
