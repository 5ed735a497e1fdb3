package dev.marquee.sandbox.faults;

import dev.marquee.sandbox.http.HttpReply;
import java.io.IOException;

/** Computes the reply an endpoint would give without a fault. */
@FunctionalInterface
public interface ReplySupplier {
  HttpReply get() throws IOException, InterruptedException;
}
