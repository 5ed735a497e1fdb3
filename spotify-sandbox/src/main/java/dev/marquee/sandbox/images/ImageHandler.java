package dev.marquee.sandbox.images;

import com.sun.net.httpserver.HttpExchange;
import dev.marquee.sandbox.http.Exchanges;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.http.ReplyingHandler;
import dev.marquee.sandbox.users.UserDirectory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /images/{id}-{size}.png}: generated cover art for albums, shows and users, in
 * Spotify's sizes. Images never change, so they carry a strong ETag and a long max-age.
 */
public final class ImageHandler extends ReplyingHandler {

  private static final Pattern PATH = Pattern.compile("/images/([A-Za-z0-9._-]+)-(\\d{1,4})\\.png");
  private static final Set<Integer> SIZES = Set.of(640, 300, 64);

  /** The catalog is small, but ids come from requests: bound what is kept. */
  private static final int MAX_CACHED = 4096;

  private record Rendered(byte[] png, String etag) {}

  private final UserDirectory users;
  private final CoverArtRenderer renderer = new CoverArtRenderer();
  private final ConcurrentMap<String, Rendered> cache = new ConcurrentHashMap<>();

  public ImageHandler(UserDirectory users) {
    this.users = users;
  }

  @Override
  protected HttpReply reply(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return HttpReply.text(405, "Method not allowed").withHeader("Allow", "GET, HEAD");
    }
    Matcher matcher = PATH.matcher(exchange.getRequestURI().getPath());
    if (!matcher.matches() || !SIZES.contains(Integer.parseInt(matcher.group(2)))) {
      return HttpReply.text(404, "Not found");
    }
    Optional<Rendered> image = image(matcher.group(1), Integer.parseInt(matcher.group(2)));
    if (image.isEmpty()) {
      return HttpReply.text(404, "Not found");
    }
    String etag = image.get().etag();
    boolean unchanged = Exchanges.header(exchange, "If-None-Match").map(etag::equals).orElse(false);
    HttpReply reply =
        unchanged ? HttpReply.empty(304) : HttpReply.withBody(200, "image/png", image.get().png());
    return reply
        .withHeader("ETag", etag)
        .withHeader("Cache-Control", "public, max-age=31536000, immutable");
  }

  private Optional<Rendered> image(String id, int size) {
    String key = id + "-" + size;
    Rendered cached = cache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> title = users.artworkTitle(id);
    if (title.isEmpty()) {
      return Optional.empty();
    }
    byte[] png = renderer.render(id, title.get(), size);
    Rendered rendered = new Rendered(png, etag(png));
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(key, rendered);
    return Optional.of(rendered);
  }

  private static String etag(byte[] png) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(png);
      return '"' + HexFormat.of().formatHex(digest, 0, 12) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
