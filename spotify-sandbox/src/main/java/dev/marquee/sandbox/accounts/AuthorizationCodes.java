package dev.marquee.sandbox.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** Authorization codes awaiting exchange at the token endpoint. Thread-safe. */
final class AuthorizationCodes {

  /** Codes are short-lived: ten minutes, as RFC 6749 §4.1.2 recommends at most. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  /** Used and expired codes are kept a while longer so reuse is still detected. */
  private static final Duration FORGET_AFTER = Duration.ofHours(1);

  private static final int PURGE_EVERY_ISSUES = 256;

  private final Clock clock;
  private final ConcurrentMap<String, IssuedCode> codes = new ConcurrentHashMap<>();
  private final AtomicLong issued = new AtomicLong();

  AuthorizationCodes(Clock clock) {
    this.clock = clock;
  }

  String issue(AuthorizeRequest request, String userId) {
    Instant now = clock.instant();
    if (issued.incrementAndGet() % PURGE_EVERY_ISSUES == 0) {
      Instant forgetBefore = now.minus(FORGET_AFTER);
      codes.values().removeIf(code -> code.expiresAt().isBefore(forgetBefore));
    }
    String code = SecureTokens.generate("", 64);
    codes.put(code, new IssuedCode(request, userId, now.plus(LIFETIME)));
    return code;
  }

  Optional<IssuedCode> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
  }

  boolean isExpired(IssuedCode code) {
    return !clock.instant().isBefore(code.expiresAt());
  }
}
