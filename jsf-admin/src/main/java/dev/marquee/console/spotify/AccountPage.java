package dev.marquee.console.spotify;

import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.console.frame.Ids;
import dev.marquee.console.frame.Notices;
import dev.marquee.console.frame.Pages;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.polling.boundary.AccountPolling;
import dev.marquee.polling.boundary.PollingStatus;
import dev.marquee.polling.entity.Playback;
import dev.marquee.spotify.boundary.SpotifyAccountView;
import dev.marquee.spotify.boundary.SpotifyAppNotSetException;
import dev.marquee.spotify.boundary.SpotifyConnections;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Backs one Spotify account's page: its connection in words, how polling stands (status, what
 * plays, last and next poll, last error, calls), Reconnect and Disconnect.
 */
@Named
@ViewScoped
public class AccountPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient SpotifyConnections connections;

  @Inject transient PollingStatus pollingStatus;

  @Inject ConnectBinding binding;

  @Inject Notices notices;

  private String id;
  private SpotifyAccountView account;
  private AccountPolling polling;

  public void load() {
    try {
      account = connections.account(currentAdmin.require(), Ids.require(id, "Spotify account"));
      // Visible: the account was found for this admin just above.
      polling = pollingStatus.of(account.id()).orElse(null);
    } catch (NotFoundException e) {
      Pages.notFound();
    }
  }

  public void reconnect() {
    try {
      Pages.leaveFor(
          connections.start(currentAdmin.require(), account.organizationId(), binding.secret()));
    } catch (SpotifyAppNotSetException | NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  public void disconnect() {
    try {
      connections.disconnect(currentAdmin.require(), account.id());
      notices.success(
          "Disconnected " + account.displayName() + ". Marquee deleted its Spotify tokens.");
      Pages.redirect("/account.xhtml?id=" + account.id());
    } catch (NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  public String statusInWords() {
    return switch (account.status()) {
      case CONNECTED -> "Connected";
      case NEEDS_RECONNECT -> "Needs reconnect";
      case DISCONNECTED -> "Disconnected";
    };
  }

  /** What plays, as screens show it: "Title · Artists", or nothing. */
  public String nowPlaying() {
    if (polling == null || polling.playback().isEmpty()) {
      return "Nothing yet";
    }
    Playback playback = polling.playback().get();
    if (playback.title() == null) {
      return "Nothing playing";
    }
    return playback.artists() == null || playback.artists().isBlank()
        ? playback.title()
        : playback.title() + " · " + playback.artists();
  }

  public String lastPoll() {
    return polling == null ? "never" : polling.lastPollAt().map(TIME::format).orElse("never");
  }

  /** The next poll, or why there is none. */
  public String nextPoll() {
    if (polling == null || polling.nextPollAt().isEmpty()) {
      return "not scheduled";
    }
    if (polling.status() == AccountPolling.Status.NOT_WATCHED) {
      return "when a screen shows this account";
    }
    return TIME.format(polling.nextPollAt().get());
  }

  public String pollingError() {
    return polling == null ? "None" : polling.lastError().orElse("None");
  }

  public AccountPolling getPolling() {
    return polling;
  }

  public String dateTime(Instant instant) {
    return instant == null ? "never" : DATE_TIME.format(instant);
  }

  public String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }

  public SpotifyAccountView getAccount() {
    return account;
  }

  public boolean isFound() {
    return account != null;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
