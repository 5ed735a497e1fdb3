package dev.marquee.console.screens;

import dev.marquee.admin.boundary.AdminView;
import dev.marquee.admin.boundary.CurrentAdmin;
import dev.marquee.console.frame.Ids;
import dev.marquee.console.frame.Notices;
import dev.marquee.console.frame.Pages;
import dev.marquee.organization.boundary.Organizations;
import dev.marquee.organization.entity.Organization;
import dev.marquee.platform.boundary.NotFoundException;
import dev.marquee.screen.boundary.ClaimOutcome;
import dev.marquee.screen.boundary.PairingRefusedException;
import dev.marquee.screen.boundary.Pairings;
import dev.marquee.screen.boundary.ScreenView;
import dev.marquee.screen.entity.InvalidScreenException;
import dev.marquee.widget.boundary.WidgetConfigurationView;
import dev.marquee.widget.boundary.WidgetConfigurations;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Backs the claim page: the code a screen shows (typed, or filled in from the QR code's link), the
 * screen's name, its widget configuration and an optional group.
 */
@Named
@ViewScoped
public class PairPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A configuration in the menu, labelled with its organization for network admins. */
  public record Choice(String id, String label) implements Serializable {}

  @Inject transient CurrentAdmin currentAdmin;

  @Inject transient Pairings pairings;

  @Inject transient WidgetConfigurations configurations;

  @Inject transient Organizations organizations;

  @Inject Notices notices;

  private String code;
  private String name;
  private String configuration;
  private String group;
  private transient List<Choice> choices;

  public void claim() {
    AdminView admin = currentAdmin.require();
    try {
      ClaimOutcome outcome =
          pairings.claim(
              admin,
              code,
              name,
              Ids.require(configuration, "Widget configuration"),
              group,
              currentAdmin.clientAddress());
      if (outcome instanceof ClaimOutcome.Refused refused) {
        Pages.problem(refused.reason());
        return;
      }
      ScreenView screen = ((ClaimOutcome.Paired) outcome).screen();
      notices.success(
          "Paired " + screen.name() + ": it shows " + screen.configurationName() + " now.");
      Pages.redirect("/pair.xhtml");
    } catch (PairingRefusedException | InvalidScreenException | NotFoundException e) {
      Pages.problem(e.getMessage());
    }
  }

  /** The configurations the admin may give a screen. */
  public List<Choice> getChoices() {
    if (choices == null) {
      AdminView admin = currentAdmin.require();
      List<Organization> visible = organizations.visibleTo(admin);
      choices = new ArrayList<>();
      for (Organization organization : visible) {
        for (WidgetConfigurationView view : configurations.of(admin, organization.id())) {
          String label =
              visible.size() > 1 ? organization.name() + " · " + view.name() : view.name();
          choices.add(new Choice(view.id().toString(), label));
        }
      }
    }
    return choices;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
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
