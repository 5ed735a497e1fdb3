package dev.marquee.sandbox.accounts;

import dev.marquee.sandbox.http.HttpReply;

/** Headers RFC 6749 §5.1 requires on every token endpoint response. */
final class TokenReplies {

  private TokenReplies() {}

  static HttpReply noStore(HttpReply reply) {
    return reply.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
  }
}
