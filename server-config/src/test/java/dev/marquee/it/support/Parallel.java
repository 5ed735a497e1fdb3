package dev.marquee.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests at the same moment: each on a thread of its own, all released by one latch once
 * every thread is waiting at it, so they reach the server together rather than one by one.
 */
public final class Parallel {

  private Parallel() {}

  /** The answers of the calls, in the order given; fails when any call does. */
  public static <T> List<T> all(List<Callable<T>> calls) {
    ExecutorService threads = Executors.newFixedThreadPool(calls.size());
    CountDownLatch ready = new CountDownLatch(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> answers = new ArrayList<>();
      for (Callable<T> call : calls) {
        answers.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.call();
                }));
      }
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("not every thread started");
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> answer : answers) {
        results.add(answer.get(120, TimeUnit.SECONDS));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("a parallel request failed", e);
    } finally {
      threads.shutdownNow();
    }
  }
}
