package dev.marquee.sandbox;

import dev.marquee.sandbox.faults.FaultInjector;
import dev.marquee.sandbox.faults.ReplySupplier;
import dev.marquee.sandbox.http.HttpReply;
import java.io.IOException;

/**
 * Where every call to a counted endpoint passes: it is counted first (so faulted and failed calls
 * count too), then a pending fault may replace or alter the answer.
 */
public final class CallGate {

  private final CallCounters counters;
  private final FaultInjector faults;

  public CallGate(CallCounters counters, FaultInjector faults) {
    this.counters = counters;
    this.faults = faults;
  }

  /** Records a call that is answered without reaching fault injection (e.g. a bad token). */
  public void count(String userId, String endpoint) {
    counters.record(userId, endpoint);
  }

  /**
   * Counts the call and answers it, possibly with a fault.
   *
   * @param userId the caller, or null when unknown
   * @param webApi true for {@code /v1} endpoints
   */
  public HttpReply pass(String userId, String endpoint, boolean webApi, ReplySupplier normal)
      throws IOException, InterruptedException {
    counters.record(userId, endpoint);
    return faults.handle(userId, endpoint, webApi, normal);
  }
}
