package dev.marquee.console.widgets;

import jakarta.enterprise.context.SessionScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Option values an admin is trying on the widgets form but has not saved: the live preview shows
 * them instead of the saved ones, so a change of theme shows beside the form before Save. They are
 * the admin's own (kept in the session, never seen by screens) and already checked against the
 * widget's schema. Opening or saving the configuration forgets its draft.
 */
@SessionScoped
public class PreviewDrafts implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Drafts kept per session; the oldest goes first (a session edits one or two at a time). */
  static final int KEPT = 8;

  private final LinkedHashMap<UUID, String> options =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
          return size() > KEPT;
        }
      };

  /** The checked option values the preview of this configuration shows from now on. */
  public synchronized void tryOn(UUID configuration, JsonObject checkedOptions) {
    options.put(configuration, checkedOptions.toString());
  }

  public synchronized void forget(UUID configuration) {
    options.remove(configuration);
  }

  /**
   * The preview state of a configuration with the draft's options in place of the saved ones; the
   * state as it is when there is no draft.
   */
  public String applyTo(UUID configuration, String state) {
    Optional<String> draft;
    synchronized (this) {
      draft = Optional.ofNullable(options.get(configuration));
    }
    return draft
        .map(
            values ->
                Json.createObjectBuilder(read(state))
                    .add("options", read(values))
                    .add("draft", true)
                    .build()
                    .toString())
        .orElse(state);
  }

  private static JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
