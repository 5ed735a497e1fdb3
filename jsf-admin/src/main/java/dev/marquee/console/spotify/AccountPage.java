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

/**
 * Backs one Spotify account's page: its connection in words, how polling stands (status, what
 * plays, last and next poll, last error, calls), Reconnect and Disconnect.
 */
@Named
@ViewScoped
public class AccountPage implements Serializable {

  private static final long serialVersionUID = 1L;

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

  /** The page's title, told from the account's status. */
  public String getHeading() {
    return switch (account.status()) {
      case CONNECTED -> "Connected as " + account.displayName();
      case NEEDS_RECONNECT -> account.displayName() + " needs reconnecting";
      case DISCONNECTED -> account.displayName() + " is disconnected";
    };
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

  /** When Marquee last asked Spotify; {@code null} when never. */
  public Instant getLastPollAt() {
    return polling == null ? null : polling.lastPollAt().orElse(null);
  }

  /** Whether a poll is due at a known moment (a screen shows the account). */
  public boolean isNextPollScheduled() {
    return polling != null
        && polling.nextPollAt().isPresent()
        && polling.status() != AccountPolling.Status.NOT_WATCHED;
  }

  public Instant getNextPollAt() {
    return isNextPollScheduled() ? polling.nextPollAt().get() : null;
  }

  /** Why there is no next poll. */
  public String getNoNextPoll() {
    return polling != null && polling.status() == AccountPolling.Status.NOT_WATCHED
        ? "When a screen shows this account"
        : "Not scheduled";
  }

  public String pollingError() {
    return polling == null ? "None" : polling.lastError().orElse("None");
  }

  public AccountPolling getPolling() {
    return polling;
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
