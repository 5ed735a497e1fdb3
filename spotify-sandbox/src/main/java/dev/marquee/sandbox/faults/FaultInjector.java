package dev.marquee.sandbox.faults;

import dev.marquee.sandbox.http.HttpReply;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults waiting to hit calls, consumed in the order they were injected. Each call uses up at most
 * one fault; a fault disappears once it has hit {@code times} calls. Thread-safe: two concurrent
 * calls never both consume a fault's last use.
 */
public final class FaultInjector {

  /** A fault and how many more calls it will hit. */
  public record PendingFault(Fault fault, int remaining) {}

  private record Armed(Fault fault, AtomicInteger remaining) {
    boolean tryConsume() {
      return remaining.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
    }
  }

  private final List<Armed> armed = new CopyOnWriteArrayList<>();

  public void inject(Fault fault) {
    armed.add(new Armed(fault, new AtomicInteger(fault.times())));
  }

  public void clear() {
    armed.clear();
  }

  public List<PendingFault> pending() {
    return armed.stream()
        .filter(entry -> entry.remaining().get() > 0)
        .map(entry -> new PendingFault(entry.fault(), entry.remaining().get()))
        .toList();
  }

  /**
   * Answers one call, with the first matching fault applied if there is one.
   *
   * @param userId the caller's user, or null when unknown
   * @param webApi true for {@code /v1} endpoints, which untargeted faults hit
   */
  public HttpReply handle(String userId, String endpoint, boolean webApi, ReplySupplier normal)
      throws IOException, InterruptedException {
    for (Armed entry : armed) {
      if (entry.fault().appliesTo(userId, endpoint, webApi) && entry.tryConsume()) {
        if (entry.remaining().get() == 0) {
          armed.remove(entry);
        }
        return entry.fault().apply(normal);
      }
    }
    return normal.get();
  }
}
