package dev.marquee.console.spotify;

import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.console.frame.Ids;
import dev.marquee.console.frame.Notices;
import dev.marquee.console.frame.Pages;
import dev.marquee.platform.boundary.NotFoundException;
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

/** Backs one Spotify account's page: its status in words, Reconnect and Disconnect. */
@Named
@ViewScoped
public class AccountPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient SpotifyConnections connections;

  @Inject ConnectBinding binding;

  @Inject Notices notices;

  private String id;
  private SpotifyAccountView account;

  public void load() {
    try {
      account = connections.account(currentAdmin.require(), Ids.require(id, "Spotify account"));
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
