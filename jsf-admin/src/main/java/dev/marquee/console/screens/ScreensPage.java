package dev.marquee.console.screens;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.console.frame.Ids;
import dev.marquee.console.frame.Notices;
import dev.marquee.console.frame.Pages;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.Organization;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.screen.boundary.ScreenView;
import dev.marquee.screen.boundary.Screens;
import dev.marquee.screen.entity.InvalidScreenException;
import dev.marquee.widget.boundary.WidgetConfigurationView;
import dev.marquee.widget.boundary.WidgetConfigurations;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Backs the screens page: every screen the admin manages with its online state, and the form that
 * renames one, moves it to another configuration or group, revokes or deletes it.
 */
@Named
@ViewScoped
public class ScreensPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A row of the list: the screen and its organization's name. */
  public record Row(ScreenView screen, String organization) implements Serializable {}

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient Screens screens;

  @Inject transient WidgetConfigurations configurations;

  @Inject transient Organizations organizations;

  @Inject Notices notices;

  private String id;
  private String name;
  private String configuration;
  private String group;
  private boolean editing;
  private transient List<Row> rows;

  /** Fills the form from the screen named by {@code ?id=}, if it is the admin's. */
  public void load() {
    Optional<UUID> chosen = Ids.parse(id);
    if (id != null && chosen.isEmpty()) {
      Pages.notFound();
      return;
    }
    chosen.ifPresent(
        screenId -> {
          Optional<ScreenView> screen = find(screenId);
          if (screen.isEmpty()) {
            Pages.notFound();
            return;
          }
          editing = true;
          name = screen.get().name();
          configuration = screen.get().configurationId().toString();
          group = screen.get().group();
        });
  }

  public void save() {
    try {
      ScreenView saved =
          screens.change(
              currentAdmin.require(),
              Ids.require(id, "Screen"),
              name,
              Ids.require(configuration, "Widget configuration"),
              group);
      notices.success("Saved " + saved.name() + ": it shows " + saved.configurationName() + ".");
      Pages.redirect("/screens.xhtml");
    } catch (InvalidScreenException | NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  public void revoke(UUID screenId) {
    try {
      screens.revoke(currentAdmin.require(), screenId);
      notices.success("Revoked: that screen is disconnected and must be paired again.");
      Pages.redirect("/screens.xhtml");
    } catch (NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  public void delete(UUID screenId) {
    try {
      screens.delete(currentAdmin.require(), screenId);
      notices.success("Deleted the screen.");
      Pages.redirect("/screens.xhtml");
    } catch (NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  /** Every screen the admin manages, by organization and name. */
  public List<Row> getRows() {
    if (rows == null) {
      AdminView admin = currentAdmin.require();
      rows = new ArrayList<>();
      for (Organization organization : organizations.visibleTo(admin)) {
        for (ScreenView screen : screens.of(admin, organization.id())) {
          rows.add(new Row(screen, organization.name()));
        }
      }
    }
    return rows;
  }

  /** The configurations the edited screen may show: its organization's. */
  public List<WidgetConfigurationView> getChoices() {
    return getRows().stream()
        .filter(row -> row.screen().id().toString().equals(id))
        .findFirst()
        .map(row -> configurations.of(currentAdmin.require(), row.screen().organizationId()))
        .orElse(List.of());
  }

  public boolean isSeveralOrganizations() {
    return getRows().stream().map(Row::organization).distinct().count() > 1;
  }

  private Optional<ScreenView> find(UUID screenId) {
    return getRows().stream().map(Row::screen).filter(s -> s.id().equals(screenId)).findFirst();
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public boolean isEditing() {
    return editing;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getConfiguration() {
    return configuration;
  }

  public void setConfiguration(String configuration) {
    this.configuration = configuration;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }
}
