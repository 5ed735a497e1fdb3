package dev.marquee.vault.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretPurposeTest {

  /** These ids are inside every stored ciphertext's associated data: changing one loses data. */
  @Test
  void idsAreTheStoredOnes() {
    assertThat(SecretPurpose.SPOTIFY_ACCESS_TOKEN.id()).isEqualTo("spotify-access-token");
    assertThat(SecretPurpose.SPOTIFY_REFRESH_TOKEN.id()).isEqualTo("spotify-refresh-token");
    assertThat(SecretPurpose.SPOTIFY_CLIENT_SECRET.id()).isEqualTo("spotify-client-secret");
  }

  @Test
  void idsAreDistinctAndFreeOfTheSeparator() {
    assertThat(Arrays.stream(SecretPurpose.values()).map(SecretPurpose::id))
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).doesNotContain("|").isNotBlank());
  }
}
