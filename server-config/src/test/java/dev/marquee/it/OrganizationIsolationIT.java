package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.it.support.ConsoleClient;
import dev.marquee.it.support.ConsoleClient.Page;
import dev.marquee.it.support.ConsoleServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin of organization A guessing ids of organization B: every console feature answers "not
 * found", shows nothing of B, and changes nothing of B.
 */
class OrganizationIsolationIT {

  private static final String PASSWORD = "isolation test password";

  private static ConsoleServer server;
  private static ConsoleClient network;
  private static ConsoleClient adminA;
  private static ConsoleClient adminB;
  private static String nameA;
  private static String nameB;
  private static String usernameB;
  private static String organizationA;
  private static String organizationB;
  private static String accountB;

  @BeforeAll
  static void twoOrganizations() {
    server = ConsoleServer.start("isolation");
    network = server.signedInAdmin();
    server.ensureDefaultApp(network);
    nameA = ConsoleServer.unique("Shop A");
    nameB = ConsoleServer.unique("Gym B");
    usernameB = ConsoleServer.unique("admin-b");
    adminA = server.organizationAdmin(network, nameA, ConsoleServer.unique("admin-a"), PASSWORD);
    adminB = server.organizationAdmin(network, nameB, usernameB, PASSWORD);
    organizationA = ConsoleServer.organizationId(network, nameA);
    organizationB = ConsoleServer.organizationId(network, nameB);
    Page connected =
        ConsoleServer.callback(
            adminB,
            server.sandbox().approve(ConsoleServer.startConnect(adminB, null), "demo-office"));
    assertThat(connected.text("#account-status")).isEqualTo("Connected");
    accountB = connected.uri().getQuery().substring("id=".length());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void accountsOfAnotherOrganizationAreNotFound() {
    Page page = adminA.get("/accounts.xhtml?organization=" + organizationB);
    assertNothingOfB(page);
    assertThat(page.has("#connect")).isFalse();
    // Their own page works, and lists nothing of B.
    Page own = adminA.get("/accounts.xhtml");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.text("#organization-name")).isEqualTo(nameA);
    assertThat(own.body()).doesNotContain("demo-office");
  }

  @Test
  void anAccountOfAnotherOrganizationIsNotFoundAndCannotBeDisconnected() {
    Page page = adminA.get("/account.xhtml?id=" + accountB);
    assertNothingOfB(page);
    assertThat(page.has("#disconnect")).isFalse();
    assertThat(adminB.get("/account.xhtml?id=" + accountB).text("#account-status"))
        .isEqualTo("Connected");
  }

  @Test
  void organizationsAdminsAndAuditShowOnlyTheirOwn() {
    for (String path : List.of("/organizations.xhtml", "/audit.xhtml", "/index.xhtml")) {
      Page page = adminA.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).doesNotContain(nameB).doesNotContain(usernameB);
      assertThat(page.body()).as(path).doesNotContain(organizationB);
    }
    assertThat(adminA.get("/organizations.xhtml").has("#invite")).isFalse();
    assertThat(adminA.get("/organizations.xhtml").has("#create-organization")).isFalse();
  }

  @Test
  void anotherOrganizationsSpotifyAppCannotBeSetByForgingTheForm() {
    Page apps = adminA.get("/spotify-apps.xhtml");
    assertThat(apps.has("#default-app")).isFalse();
    Map<String, String> fields =
        new java.util.HashMap<>(
            adminA.formFields(
                apps,
                "organization-app",
                Map.of("client-id", "forged-client", "client-secret", "forged-secret"),
                "save"));
    fields.put("organization-app:organization", organizationB);

    Page refused = adminA.post(ConsoleClient.actionOf(apps, "organization-app"), fields);

    assertThat(refused.body()).doesNotContain(nameB);
    assertThat(network.get("/spotify-apps.xhtml").body()).doesNotContain("forged-client");
    assertThat(adminB.get("/spotify-apps.xhtml").body()).doesNotContain("forged-client");
  }

  @Test
  void anIdThatIsNoIdIsNotFoundEither() {
    assertThat(adminA.get("/account.xhtml?id=not-a-uuid").status()).isEqualTo(404);
    assertThat(adminA.get("/accounts.xhtml?organization=%27%3B--").status()).isEqualTo(404);
    assertThat(adminA.get("/accounts.xhtml?organization=" + organizationA).status()).isEqualTo(200);
  }

  private static void assertNothingOfB(Page page) {
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.has("#not-found")).isTrue();
    assertThat(page.body()).doesNotContain(nameB).doesNotContain("demo-office");
  }
}
