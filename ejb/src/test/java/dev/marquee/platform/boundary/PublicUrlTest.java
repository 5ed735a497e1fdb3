package dev.marquee.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicUrlTest {

  @Test
  void buildsLinksFromTheConfiguredUrlOnly() {
    PublicUrl url = new PublicUrl();
    url.configured = " https://marquee.example.com/ ";
    assertThat(url.resolve("/spotify/callback"))
        .isEqualTo(URI.create("https://marquee.example.com/spotify/callback"));
    assertThat(url.isHttps()).isTrue();
  }

  @Test
  void namesItsOriginAsBrowsersSendIt() {
    PublicUrl url = new PublicUrl();
    url.configured = "https://Marquee.Example.com:443/console/";
    assertThat(url.origin()).isEqualTo("https://marquee.example.com");
    url = new PublicUrl();
    url.configured = "http://127.0.0.1:8080";
    assertThat(url.origin()).isEqualTo("http://127.0.0.1:8080");
    url = new PublicUrl();
    url.configured = "http://marquee.example:80";
    assertThat(url.origin()).isEqualTo("http://marquee.example");
  }

  @Test
  void tellsAnotherHostNameFromItsOwn() {
    PublicUrl url = new PublicUrl();
    url.configured = "http://127.0.0.1:8080";
    assertThat(url.isOtherHost("127.0.0.1")).isFalse();
    assertThat(url.isOtherHost("localhost")).isTrue();
    assertThat(url.isOtherHost("[::1]")).isTrue();
    url = new PublicUrl();
    url.configured = "https://Marquee.Example.com";
    assertThat(url.isOtherHost("marquee.example.COM")).isFalse();
    assertThat(url.isOtherHost("evil.example")).isTrue();
    url = new PublicUrl();
    url.configured = "http://[::1]:8080";
    assertThat(url.isOtherHost("[::1]")).isFalse();
    assertThat(url.isOtherHost("::1")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080",
        "http://127.1.2.3",
        "http://localhost:8080",
        "http://LOCALHOST",
        "http://marquee.localhost",
        "http://[::1]:8080"
      })
  void knowsALoopbackAddress(String configured) {
    PublicUrl url = new PublicUrl();
    url.configured = configured;
    assertThat(url.isLoopback()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://marquee.example.com", "http://192.168.1.20:8080", "http://128.0.0.1"})
  void knowsAnAddressOthersCanReach(String configured) {
    PublicUrl url = new PublicUrl();
    url.configured = configured;
    assertThat(url.isLoopback()).isFalse();
  }

  @Test
  void keepsAPathPrefix() {
    assertThat(PublicUrl.parse("http://127.0.0.1:8080/marquee"))
        .isEqualTo(URI.create("http://127.0.0.1:8080/marquee"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "marquee.example.com", "ftp://x", "https://x/?q=1", "https://x/#f"})
  void refusesWhatIsNotAWebAddress(String value) {
    assertThatThrownBy(() -> PublicUrl.parse(value))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("marquee.public-url");
  }
}
