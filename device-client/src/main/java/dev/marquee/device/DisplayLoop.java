package dev.marquee.device;

import dev.marquee.device.art.ArtCache;
import dev.marquee.device.art.ArtUnavailableException;
import dev.marquee.device.output.DisplayOutput;
import dev.marquee.device.render.FrameRenderer;
import dev.marquee.device.render.Layout;
import dev.marquee.device.view.NowPlaying;
import dev.marquee.device.view.ScreenView;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Keeps the output showing the newest view: draws a frame at once when the view changes, and on a
 * steady tick in between so that the progress moves. Art a view needs is fetched on a thread of its
 * own and the frame redrawn when it is there; the drawing thread never waits for the network.
 */
final class DisplayLoop implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DisplayLoop.class.getName());

  private final DisplayOutput output;
  private final FrameRenderer renderer;
  private final ArtCache art;
  private final Clock clock;
  private final Duration tick;
  private final AtomicReference<ScreenView> view =
      new AtomicReference<>(new ScreenView.Starting("Starting …"));
  private final ScheduledExecutorService drawing = daemon("marquee-draw");
  private final ExecutorService fetching =
      Executors.newSingleThreadExecutor(task -> thread(task, "marquee-art"));
  private final Set<String> failedArt = new HashSet<>();
  private final BufferedImage[] frames = new BufferedImage[2];
  private int nextFrame;
  private boolean outputFailing;

  DisplayLoop(
      DisplayOutput output, FrameRenderer renderer, ArtCache art, Clock clock, Duration tick) {
    this.output = output;
    this.renderer = renderer;
    this.art = art;
    this.clock = clock;
    this.tick = tick;
    Dimension size = output.size();
    for (int i = 0; i < frames.length; i++) {
      frames[i] = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
    }
  }

  void start() {
    drawing.scheduleAtFixedRate(this::draw, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Shows a new view: drawn now, its art fetched if it is not cached. */
  void show(ScreenView next) {
    view.set(next);
    drawing.execute(this::draw);
    NowPlaying playing = shownTrack(next);
    if (playing != null && playing.hasArt()) {
      int size = Layout.of(frames[0].getWidth(), frames[0].getHeight()).artSize();
      fetching.execute(() -> fetch(playing.artUrl(), size));
    }
  }

  private void fetch(String url, int size) {
    try {
      if (art.art(url, size) == null) {
        art.fetch(url, size);
        LOG.info("album art cached (" + size + " px): " + url);
        drawing.execute(this::draw);
      }
    } catch (ArtUnavailableException e) {
      if (failedArt.add(url)) {
        LOG.warning(e.getMessage() + "; showing a placeholder");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Draws the newest view; a failure is logged and the next tick tries again. */
  private void draw() {
    try {
      drawFrame();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: log it and draw on the next tick.
      LOG.log(java.util.logging.Level.SEVERE, "drawing failed (a bug, please report it): " + e, e);
    }
  }

  /** Draws into the frame not on screen, then hands it to the output. */
  private void drawFrame() {
    ScreenView current = view.get();
    BufferedImage frame = frames[nextFrame];
    nextFrame = (nextFrame + 1) % frames.length;
    Graphics2D g = frame.createGraphics();
    try {
      renderer.render(current, clock.instant(), g, frame.getWidth(), frame.getHeight());
    } finally {
      g.dispose();
    }
    try {
      output.show(frame, Captions.of(current, clock.instant()));
      if (outputFailing) {
        LOG.info("the output works again");
        outputFailing = false;
      }
    } catch (IOException e) {
      if (!outputFailing) {
        LOG.severe("cannot show the frame: " + e.getMessage());
        outputFailing = true;
      }
    }
  }

  private static NowPlaying shownTrack(ScreenView view) {
    if (view instanceof ScreenView.Showing showing) {
      return showing.state().nowPlaying() != null
          ? showing.state().nowPlaying()
          : showing.lastTrack();
    }
    return null;
  }

  @Override
  public void close() {
    fetching.shutdownNow();
    drawing.shutdown();
    try {
      drawing.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(task -> thread(task, name));
  }

  private static Thread thread(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
