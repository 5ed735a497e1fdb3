package dev.marquee.console.frame;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages that survive one redirect: an action (or the Spotify callback) says what happened, then
 * redirects, and the next page shows it once. Kept in the session, so they work from servlets as
 * well as Faces actions.
 */
@SessionScoped
public class Notices implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A message and whether it reports a success or a problem. */
  public record Notice(String text, boolean problem) implements Serializable {}

  private final List<Notice> pending = new ArrayList<>();

  public synchronized void success(String text) {
    pending.add(new Notice(text, false));
  }

  public synchronized void problem(String text) {
    pending.add(new Notice(text, true));
  }

  /** The pending messages, which are then gone. */
  public synchronized List<Notice> drain() {
    List<Notice> shown = List.copyOf(pending);
    pending.clear();
    return shown;
  }
}
