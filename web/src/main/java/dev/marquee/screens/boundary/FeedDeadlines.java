package dev.marquee.screens.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The time a new socket has to say hello with its device token before it is closed. */
@ApplicationScoped
public class FeedDeadlines {

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "marquee.screens.hello-timeout-seconds", defaultValue = "5")
  int helloTimeoutSeconds;

  ScheduledFuture<?> after(Runnable check) {
    return scheduler.schedule(check, helloTimeoutSeconds, TimeUnit.SECONDS);
  }
}
