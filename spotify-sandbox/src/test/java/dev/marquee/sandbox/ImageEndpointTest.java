package dev.marquee.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageEndpointTest {

  private final SandboxHarness harness = new SandboxHarness(builder -> builder.demo(true));

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void albumArtUrlsServePngsOfTheAdvertisedSize() throws IOException {
    JsonNode images =
        SandboxHarness.json(harness.currentlyPlaying(harness.connect().accessToken()))
            .get("item")
            .get("album")
            .get("images");

    for (JsonNode image : images) {
      HttpResponse<byte[]> response = fetch(URI.create(image.get("url").asText()), null);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
      BufferedImage png = ImageIO.read(new ByteArrayInputStream(response.body()));
      assertThat(png.getWidth()).isEqualTo(image.get("width").asInt());
      assertThat(png.getHeight()).isEqualTo(image.get("height").asInt());
    }
  }

  @Test
  void etagAllowsConditionalRequests() {
    URI uri = artUri(300);
    HttpResponse<byte[]> first = fetch(uri, null);
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> second = fetch(uri, etag);

    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
    assertThat(fetch(uri, null).body()).isEqualTo(first.body());
  }

  @Test
  void nonLatinTitlesAndUserProfilesHaveArtToo() {
    for (var account : harness.sandbox.users()) {
      String artworkId =
          account.player().queue().isEmpty()
              ? account.id()
              : account.player().queue().get(0).artworkId();
      assertThat(
              fetch(harness.base().resolve("/images/" + artworkId + "-64.png"), null).statusCode())
          .as(account.id())
          .isEqualTo(200);
    }
    assertThat(fetch(harness.base().resolve("/images/demo-gym-300.png"), null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownIdsAndSizesAre404() {
    assertThat(fetch(harness.base().resolve("/images/nope-640.png"), null).statusCode())
        .isEqualTo(404);
    String id = artUri(640).getPath().replace("/images/", "").replace("-640.png", "");
    assertThat(fetch(harness.base().resolve("/images/" + id + "-500.png"), null).statusCode())
        .isEqualTo(404);
  }

  private URI artUri(int size) {
    String albumId = harness.sandbox.player("demo-gym").queue().get(0).artworkId();
    return harness.base().resolve("/images/" + albumId + "-" + size + ".png");
  }

  private HttpResponse<byte[]> fetch(URI uri, String ifNoneMatch) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    try {
      return harness.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
