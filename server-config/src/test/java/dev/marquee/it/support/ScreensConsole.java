package dev.marquee.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.sandbox.SpotifySandbox;
import dev.marquee.sandbox.playback.PlayableItem;
import dev.marquee.sandbox.playback.Track;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The console steps every screens test takes, as one organization's admin does them over HTTP: a
 * sandbox account playing given items, connected to the organization; a widget configuration
 * showing accounts in order; a claimed pairing code; an options change.
 *
 * <p>A browser does not submit an unticked checkbox, and the console reads a submitted empty value
 * as unticked: configurations tick "Show progress" (the second option) unless a test says
 * otherwise, and an empty {@code option:N:flag} is sent as no field at all.
 */
public final class ScreensConsole {

  private final SpotifySandbox sandbox;
  private final ConsoleClient client;
  private final String organizationId;

  public ScreensConsole(SpotifySandbox sandbox, ConsoleClient client, String organizationId) {
    this.sandbox = sandbox;
    this.client = client;
    this.organizationId = organizationId;
  }

  /** A new sandbox user playing ten-minute tracks of these titles, connected; its user id. */
  public String account(String prefix, String... titles) {
    return account(
        prefix,
        java.util.Arrays.stream(titles)
            .map(
                title ->
                    Track.of(title, "The Feeders", "Live", "2026-01-01", Duration.ofMinutes(10)))
            .toList());
  }

  /** A new sandbox user playing the items, connected to the organization; its user id. */
  public String account(String prefix, List<? extends PlayableItem> items) {
    String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    sandbox.createUser(user, "Screens " + user);
    sandbox.player(user).setQueue(items);
    ConsoleServer.callback(
        client, sandbox.approve(ConsoleServer.startConnect(client, organizationId), user));
    return user;
  }

  /** How many accounts the organization has; the newest is the last on the widgets page. */
  public int accountCount() {
    return ConsoleServer.accountNames(client, organizationId).size();
  }

  /** A configuration showing the organization's newest account; its id. */
  public String showingNewest(String name) {
    return showingNewest(name, Map.of());
  }

  /** A configuration showing the newest account, with these option fields; its id. */
  public String showingNewest(String name, Map<String, String> options) {
    return configuration(name, Map.of(accountCount() - 1, 1), options);
  }

  /**
   * A configuration with the accounts at these list positions, tried in the given order (list index
   * → position), and these option fields ({@code option:0:choice}…); its id.
   */
  public String configuration(
      String name, Map<Integer, Integer> order, Map<String, String> options) {
    Map<String, String> fields = new HashMap<>(options);
    fields.put("name", name);
    ConsoleClient.Page form = client.get("/widgets.xhtml?organization=" + organizationId);
    fields.put("order", order(form, order));
    ConsoleClient.Page saved = save(form, fields);
    assertThat(saved.notices()).contains("Saved " + name);
    return client.get("/pair.xhtml").html().select("#pair\\:configuration option").stream()
        .filter(option -> option.text().endsWith(name))
        .findFirst()
        .orElseThrow()
        .attr("value");
  }

  /** Saves the configuration again with these option fields changed. */
  public void editOptions(String configuration, Map<String, String> options) {
    ConsoleClient.Page saved =
        save(
            client.get("/widgets.xhtml?organization=" + organizationId + "&id=" + configuration),
            options);
    assertThat(saved.notices()).contains("Saved ");
  }

  /** Claims the code a screen shows for a new screen of this name and configuration. */
  public void claim(String code, String name, String configuration) {
    ConsoleClient.Page claimed =
        client.submit(
            client.get("/pair.xhtml"),
            "pair",
            Map.of("code", code, "name", name, "configuration", configuration),
            "claim");
    assertThat(claimed.notices()).as(claimed.describe()).contains("Paired " + name);
  }

  /**
   * The widgets form's order field (the ids of the accounts shown, first tried first) for the
   * accounts at these positions of a new configuration's list (list index → position from 1), as
   * the form's Add and arrow buttons would leave it.
   */
  public static String order(ConsoleClient.Page form, Map<Integer, Integer> positions) {
    java.util.List<String> ids =
        form.html().select("#sources li[data-account-id]").eachAttr("data-account-id");
    return positions.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(placed -> ids.get(placed.getKey()))
        .collect(java.util.stream.Collectors.joining(","));
  }

  private ConsoleClient.Page save(ConsoleClient.Page form, Map<String, String> values) {
    Map<String, String> changed = new HashMap<>(values);
    changed.putIfAbsent("option:1:flag", "on");
    Map<String, String> fields = client.formFields(form, "widget", changed, "save");
    fields.entrySet().removeIf(f -> f.getKey().endsWith(":flag") && f.getValue().isEmpty());
    return client.post(ConsoleClient.actionOf(form, "widget"), fields);
  }
}
