package dev.marquee.screen.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.marquee.polling.control.CurrentlyPlayingReader;
import dev.marquee.polling.control.PlayerAnswer;
import dev.marquee.polling.entity.FeedStatus;
import dev.marquee.polling.entity.NowPlaying;
import dev.marquee.polling.entity.Playback;
import dev.marquee.widget.entity.ShippedDefinition;
import dev.marquee.widget.entity.WidgetConfiguration;
import dev.marquee.widget.entity.WidgetDefinition;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of answers of {@code GET /v1/me/player/currently-playing} that are valid per Spotify's
 * OpenAPI description (shared/spotify: CurrentlyPlayingObject with a TrackObject or EpisodeObject,
 * every property present, absent or null where the description allows, with random and extreme
 * values), read by the real reader, stored as the real entity and written as the state screens get.
 * Every state must stay within the bounds of docs/architecture.md ("What screens are shown"), and
 * what is within them must come through unchanged. Seeded: a failure names its case and answer, and
 * the same seed reproduces it.
 */
class CurrentlyPlayingBoundsTest {

  private static final long SEED = 0x5EED_0014L;
  private static final int CASES = 3000;
  private static final long DAY_MS = 86_400_000L;
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final UUID ACCOUNT = UUID.randomUUID();

  /** One factory: {@code Json.create…} looks its provider up on every call. */
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):[0-5]\\d(:[0-5]\\d)?");
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(\\.\\d)?)%");

  private final WidgetDefinition definition =
      new WidgetDefinition(ShippedDefinition.resource("spotify-now-playing"), NOW);
  private final WidgetConfiguration configuration =
      new WidgetConfiguration(
          UUID.randomUUID(),
          definition.id(),
          "Bounds",
          "{\"theme\":\"dark\",\"show_progress\":true,\"animation\":\"fade\",\"idle\":\"clock\"}",
          List.of(ACCOUNT),
          NOW);

  /** A piece of a generated name: what Spotify sends, and what of it a screen must show. */
  private record Piece(String raw, String visible) {}

  /** Kept as they are: words in several scripts, RTL marks, ZWJ/ZWNJ sequences, a tag flag. */
  private static final List<Piece> KEPT =
      List.of(
          new Piece("Bohemian", "Bohemian"),
          new Piece("Rhapsody", "Rhapsody"),
          new Piece("שלום", "שלום"),
          new Piece("مرحبا", "مرحبا"),
          new Piece("می\u200Cخواهم", "می\u200Cخواهم"),
          new Piece("\u200F", "\u200F"),
          new Piece("\u200E", "\u200E"),
          new Piece("\u061C", "\u061C"),
          new Piece("\u200F(ملاحظة)\u200F", "\u200F(ملاحظة)\u200F"),
          new Piece("\u0600\u0661\u0662", "\u0600\u0661\u0662"),
          new Piece("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "👨‍👩‍👧"),
          new Piece(
              "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F",
              "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F"),
          new Piece("日本語の歌", "日本語の歌"),
          new Piece("e\u0301", "e\u0301"),
          new Piece("❤\uFE0F", "❤\uFE0F"),
          new Piece("&<b>\"'\\", "&<b>\"'\\"),
          new Piece("0", "0"),
          new Piece("false", "false"));

  /** Never shown: controls, bidi embeddings/overrides/isolates, invisible format characters. */
  private static final List<Piece> STRIPPED =
      List.of(
          new Piece("\u0000", ""),
          new Piece("\u0007", ""),
          new Piece("\u001B[31m", "[31m"),
          new Piece("\u007F", ""),
          new Piece("\u0090", ""),
          new Piece("\u202A", ""),
          new Piece("\u202B", ""),
          new Piece("\u202C", ""),
          new Piece("\u202D", ""),
          new Piece("\u202E", ""),
          new Piece("\u2066", ""),
          new Piece("\u2067", ""),
          new Piece("\u2068", ""),
          new Piece("\u2069", ""),
          new Piece("\u200B", ""),
          new Piece("\u2060", ""),
          new Piece("\uFEFF", ""),
          new Piece("\u00AD", ""),
          new Piece("\u206F", ""),
          new Piece("\uFFF9", ""),
          new Piece("\uDB40\uDC41", ""),
          new Piece("a\uD800b", "ab"),
          new Piece("c\uDC00d", "cd"));

  /** White space and line breaks: a name is one line, so these are at most a space. */
  private static final List<Piece> SPACES =
      List.of(
          new Piece(" ", ""),
          new Piece("\n", ""),
          new Piece("\t", ""),
          new Piece("\r\n", ""),
          new Piece("\u2028", ""),
          new Piece("\u2029", ""),
          new Piece("\u0085", ""),
          new Piece("\u000B", ""));

  private static final List<String> GOOD_URLS =
      List.of(
          "https://i.scdn.co/image/ab67616d0000b273",
          "http://127.0.0.1:8099/images/cover-640.png",
          "HTTPS://I.SCDN.CO/image/UPPER",
          "https://mosaic.scdn.co/640/ab67?x=1&y=%20");

  private static final List<String> BAD_URLS =
      List.of(
          "sint anim",
          "javascript:alert(1)",
          "JaVaScRiPt:alert(document.cookie)",
          "data:text/html,<script>alert(1)</script>",
          "data:image/png;base64,iVBORw0KGgo=",
          "vbscript:msgbox(1)",
          "//i.scdn.co/image/protocol-relative",
          "/images/relative.png",
          "image.png",
          "",
          " ",
          "https://",
          "https:///no-host",
          "ftp://i.scdn.co/image/x",
          "file:///etc/passwd",
          "blob:https://x/y",
          "https://exa mple.com/x",
          " https://i.scdn.co/leading-space",
          "https://i.scdn.co/\u0000nul",
          "https://i.scdn.co/\u202Egnp",
          "https://例え.jp/x",
          "https://i.scdn.co/" + "x".repeat(1200));

  @Test
  void everyGeneratedAnswerReachesScreensWithinTheBounds() {
    Random random = new Random(SEED);
    int shown = 0;
    int knownDurations = 0;
    int episodes = 0;
    int ads = 0;
    for (int i = 0; i < CASES; i++) {
      Generated answer = answer(random);
      String json = answer.json.build().toString();
      String label = "case " + i + " of seed " + SEED + ": " + abbreviated(json);
      PlayerAnswer read = CurrentlyPlayingReader.read(200, json, null, NOW);
      if (!(read instanceof PlayerAnswer.Seen seen)) {
        fail(label + " was not read: " + read);
        return;
      }
      Playback stored = new NowPlaying(ACCOUNT, seen.playback(), FeedStatus.LIVE).playback();
      JsonObject state =
          FeedStates.state(
              configuration,
              definition,
              List.of(new SourceState(ACCOUNT, FeedStatus.LIVE, stored, 1)),
              NOW);
      assertThat(state.toString().length()).as(label).isLessThan(32_768);
      assertProgressInterpolationStaysBounded(stored, random, label);
      if (state.isNull("data")) {
        assertThat(answer.expectsIdle()).as(label + " is idle").isTrue();
        continue;
      }
      shown++;
      JsonObject data = state.getJsonObject("data");
      assertThat(data.getString("kind")).as(label).isEqualTo(answer.kind());
      assertImages(data, answer, label);
      knownDurations += assertTimes(data, answer, label) ? 1 : 0;
      assertNames(data, answer, label);
      episodes += "episode".equals(answer.kind()) ? 1 : 0;
      ads += "ad".equals(answer.kind()) ? 1 : 0;
    }
    // The generator reaches every branch often enough to mean something.
    assertThat(shown).isGreaterThan(CASES / 2);
    assertThat(knownDurations).isGreaterThan(CASES / 5);
    assertThat(episodes).isGreaterThan(CASES / 10);
    assertThat(ads).isGreaterThan(CASES / 50);
  }

  // ------------------------------------------------------------------ bounds

  private static void assertImages(JsonObject data, Generated answer, String label) {
    for (String field : List.of("album_art_url", "album_art_small_url")) {
      String url = data.getString(field);
      if (url.isEmpty()) {
        assertThat(answer.goodImages).as(label + " " + field + " dropped a good link").isEmpty();
        continue;
      }
      URI uri = URI.create(url);
      assertThat(uri.getScheme().toLowerCase(Locale.ROOT))
          .as(label + " " + field)
          .isIn("http", "https");
      assertThat(uri.getHost()).as(label + " " + field).isNotBlank();
      assertThat(answer.goodImages).as(label + " " + field).contains(url);
    }
  }

  /** Returns whether the duration was known. */
  private static boolean assertTimes(JsonObject data, Generated answer, String label) {
    long duration = data.getJsonNumber("duration_ms").longValueExact();
    // A state without duration_known (an older server) says it by a duration of 0.
    boolean known = data.getBoolean("duration_known", duration > 0);
    long progress = data.getJsonNumber("progress_ms").longValueExact();
    BigDecimal generated = answer.durationMs;
    boolean expectedKnown =
        generated != null
            && generated.signum() > 0
            && generated.compareTo(BigDecimal.valueOf(DAY_MS)) <= 0
            && generated.stripTrailingZeros().scale() <= 0;
    assertThat(known).as(label + " duration known").isEqualTo(expectedKnown);
    if (!known) {
      assertThat(duration).as(label).isZero();
      assertThat(progress).as(label).isZero();
      assertThat(data.getString("duration_formatted")).as(label).isEmpty();
      assertThat(data.getString("progress_formatted")).as(label).isEmpty();
      assertThat(data.getString("progress_percent")).as(label).isEqualTo("0%");
      return false;
    }
    assertThat(duration).as(label).isEqualTo(generated.longValueExact());
    BigDecimal expectedProgress =
        answer.progressMs == null
            ? BigDecimal.ZERO
            : answer.progressMs.max(BigDecimal.ZERO).min(BigDecimal.valueOf(duration));
    assertThat(progress)
        .as(label + " progress clamped")
        .isEqualTo(expectedProgress.setScale(0, java.math.RoundingMode.DOWN).longValueExact());
    assertTime(data.getString("duration_formatted"), label);
    assertTime(data.getString("progress_formatted"), label);
    var percent = PERCENT.matcher(data.getString("progress_percent"));
    assertThat(percent.matches()).as(label + " " + data.getString("progress_percent")).isTrue();
    assertThat(Double.parseDouble(percent.group(1))).as(label).isBetween(0.0, 100.0);
    return true;
  }

  private static void assertTime(String formatted, String label) {
    var time = TIME.matcher(formatted);
    assertThat(time.matches()).as(label + " time " + formatted).isTrue();
    if (time.group(2) != null) {
      assertThat(Integer.parseInt(time.group(1))).as(label + " hours").isBetween(1, 24);
    }
  }

  private static void assertProgressInterpolationStaysBounded(
      Playback playback, Random random, String label) {
    Instant later = NOW.plus(Duration.ofMillis(Math.abs(random.nextLong() % (3650 * DAY_MS))));
    for (Instant at : List.of(NOW, NOW.minusSeconds(30), later, Instant.MAX, Instant.MIN)) {
      long progress = playback.expectedProgressAt(at);
      assertThat(progress).as(label + " at " + at).isBetween(0L, playback.durationMs());
    }
  }

  private static void assertNames(JsonObject data, Generated answer, String label) {
    for (String field : List.of("track_name", "artist_name", "album_name", "publisher")) {
      assertDisplayable(data.getString(field), label + " " + field);
    }
    assertShows(data.getString("track_name"), answer.title, label + " title");
    assertShows(data.getString("artist_name"), answer.artists, label + " artists");
    assertShows(data.getString("album_name"), answer.album, label + " album");
    if ("episode".equals(answer.kind())) {
      String show = data.getString("artist_name");
      String publisher = data.getString("publisher");
      assertThat(data.getString("album_name")).as(label).isEqualTo(publisher);
      if (!show.isEmpty()) {
        assertThat(publisher).as(label + " the show is named once").isNotEqualTo(show);
      }
    } else {
      assertThat(data.getString("publisher")).as(label).isEmpty();
    }
  }

  /** No character a screen must not get, at most the length a screen shows, one line. */
  private static void assertDisplayable(String text, String label) {
    assertThat(text.length()).as(label + " length").isLessThanOrEqualTo(1000);
    assertThat(text).as(label + " trimmed").isEqualTo(text.strip());
    boolean inFlag = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      boolean allowed =
          type != Character.CONTROL
              && type != Character.SURROGATE
              && type != Character.LINE_SEPARATOR
              && type != Character.PARAGRAPH_SEPARATOR;
      if (type == Character.FORMAT) {
        boolean tag = inFlag && c >= 0xE0020 && c <= 0xE007F;
        allowed =
            tag
                || c == 0x200C
                || c == 0x200D
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C
                || (c >= 0x0600 && c <= 0x0605)
                || c == 0x06DD;
      }
      if (!allowed) {
        fail(label + String.format(" has U+%04X in \"%s\"", c, abbreviated(text)));
      }
      inFlag = c == 0x1F3F4 || (inFlag && c >= 0xE0020 && c < 0xE007F);
    }
  }

  /**
   * What is shown is what was sent, less what must not be shown: compared without white space
   * (which the bounds may turn into one space or trim), and as a prefix when the name was cut
   * ("…").
   */
  private static void assertShows(String shown, String expectedVisible, String label) {
    String actual = withoutSpace(shown);
    String expected = expectedVisible == null ? "" : withoutSpace(expectedVisible);
    if (actual.endsWith("…") && !expected.endsWith("…")) {
      String kept = actual.substring(0, actual.length() - 1).replace("…", "");
      assertThat(expected.replace("…", "")).as(label + " (cut)").startsWith(kept);
      assertThat(shown.length()).as(label + " cut at the limit").isGreaterThan(990);
    } else {
      assertThat(actual.replace("…", "")).as(label).isEqualTo(expected.replace("…", ""));
    }
  }

  private static String withoutSpace(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  // ------------------------------------------------------------------ the generator

  /** One generated answer and what a screen should make of it. */
  private static final class Generated {
    final JsonObjectBuilder json = JSON.createObjectBuilder();
    String type;
    boolean playing;
    boolean hasItem;
    String itemType;
    BigDecimal durationMs;
    BigDecimal progressMs;
    String title;
    String artists;
    String album;
    final List<String> goodImages = new ArrayList<>();

    String kind() {
      if (hasItem && ("track".equals(itemType) || "episode".equals(itemType))) {
        return itemType;
      }
      if (!hasItem && "ad".equals(type)) {
        return "ad";
      }
      return "unknown";
    }

    boolean expectsIdle() {
      return !hasItem && !"ad".equals(type) && !playing;
    }
  }

  private static Generated answer(Random random) {
    Generated g = new Generated();
    JsonObjectBuilder json = g.json;
    optional(random, json, "device", () -> device(random));
    optional(random, json, "repeat_state", () -> pick(random, "off", "track", "context"));
    optional(random, json, "shuffle_state", random::nextBoolean);
    optional(random, json, "context", () -> context(random));
    optional(random, json, "timestamp", () -> extremeInteger(random));
    g.progressMs = millis(random, json, "progress_ms");
    if (random.nextInt(10) > 0) {
      g.playing = random.nextInt(4) > 0;
      json.add("is_playing", g.playing);
    }
    g.type = pick(random, "track", "track", "episode", "episode", "ad", "unknown", null);
    if (g.type != null) {
      json.add("currently_playing_type", g.type);
    }
    int itemChoice = random.nextInt(10);
    boolean adLike = "ad".equals(g.type) || "unknown".equals(g.type);
    if (itemChoice == 0 || (adLike && itemChoice < 8)) {
      if (random.nextBoolean()) {
        json.addNull("item");
      }
    } else {
      g.hasItem = true;
      // Usually the item's type matches currently_playing_type; not always (and track is the
      // most common item of all).
      g.itemType =
          random.nextInt(5) == 0 || g.type == null || adLike
              ? pick(random, "track", "episode")
              : g.type;
      json.add("item", "track".equals(g.itemType) ? track(random, g) : episode(random, g));
    }
    optional(random, json, "actions", () -> actions(random));
    return g;
  }

  private static JsonObjectBuilder track(Random random, Generated g) {
    JsonObjectBuilder track = JSON.createObjectBuilder();
    JsonObjectBuilder album = JSON.createObjectBuilder();
    album.add("album_type", pick(random, "album", "single", "compilation"));
    album.add("total_tracks", (long) random.nextInt(Integer.MAX_VALUE));
    album.add("available_markets", markets(random));
    album.add(
        "external_urls",
        JSON.createObjectBuilder().add("spotify", GOOD_URLS.get(random.nextInt(GOOD_URLS.size()))));
    album.add("href", "https://api.spotify.com/v1/albums/x");
    album.add("id", word(random));
    if (random.nextInt(10) > 0) {
      album.add("images", images(random, g.goodImages));
    }
    Piece albumName = name(random);
    album.add("name", albumName.raw);
    g.album = albumName.visible;
    album.add("release_date", pick(random, "1981", "1981-12", "1981-12-15"));
    album.add("release_date_precision", pick(random, "year", "month", "day"));
    album.add("type", "album");
    album.add("uri", "spotify:album:" + word(random));
    album.add("artists", artists(random, null));
    if (random.nextInt(20) > 0) {
      track.add("album", album);
    } else {
      g.album = null;
      g.goodImages.clear();
    }
    List<String> shownArtists = new ArrayList<>();
    if (random.nextInt(10) > 0) {
      track.add("artists", artists(random, shownArtists));
    }
    g.artists = shownArtists.isEmpty() ? null : String.join(",", shownArtists);
    track.add("available_markets", markets(random));
    track.add("disc_number", extremeInteger(random));
    g.durationMs = millis(random, track, "duration_ms");
    track.add("explicit", random.nextBoolean());
    track.add("external_ids", JSON.createObjectBuilder().add("isrc", word(random)));
    track.add("external_urls", JSON.createObjectBuilder().add("spotify", word(random)));
    track.add("href", "https://api.spotify.com/v1/tracks/x");
    optional(random, track, "id", () -> word(random));
    track.add("is_playable", random.nextBoolean());
    track.add("restrictions", JSON.createObjectBuilder().add("reason", "market"));
    if (random.nextInt(10) > 0) {
      Piece name = name(random);
      track.add("name", name.raw);
      g.title = name.visible;
    }
    track.add("popularity", (long) random.nextInt(101));
    if (random.nextBoolean()) {
      track.addNull("preview_url");
    } else {
      track.add("preview_url", "https://p.scdn.co/mp3-preview/x");
    }
    track.add("track_number", extremeInteger(random));
    track.add("type", "track");
    track.add("uri", "spotify:track:" + word(random));
    track.add("is_local", random.nextInt(10) == 0);
    return track;
  }

  private static JsonObjectBuilder episode(Random random, Generated g) {
    JsonObjectBuilder episode = JSON.createObjectBuilder();
    if (random.nextBoolean()) {
      episode.addNull("audio_preview_url");
    } else {
      episode.add("audio_preview_url", "https://p.scdn.co/mp3-preview/x");
    }
    episode.add("description", name(random).raw);
    episode.add("html_description", "<p>" + name(random).raw + "</p>");
    g.durationMs = millis(random, episode, "duration_ms");
    episode.add("explicit", random.nextBoolean());
    episode.add("external_urls", JSON.createObjectBuilder().add("spotify", word(random)));
    episode.add("href", "https://api.spotify.com/v1/episodes/x");
    episode.add("id", word(random));
    List<String> own = new ArrayList<>();
    episode.add("images", random.nextInt(3) == 0 ? JSON.createArrayBuilder() : images(random, own));
    episode.add("is_externally_hosted", random.nextBoolean());
    episode.add("is_playable", random.nextBoolean());
    episode.add("language", "en");
    episode.add("languages", JSON.createArrayBuilder().add("en").add("ar"));
    Piece title = name(random);
    episode.add("name", title.raw);
    g.title = title.visible;
    episode.add("release_date", "2026-11-30");
    episode.add("release_date_precision", "day");
    episode.add(
        "resume_point",
        JSON.createObjectBuilder()
            .add("fully_played", random.nextBoolean())
            .add("resume_position_ms", extremeInteger(random)));
    episode.add("type", "episode");
    episode.add("uri", "spotify:episode:" + word(random));
    episode.add("restrictions", JSON.createObjectBuilder().add("reason", "explicit"));
    JsonObjectBuilder show = JSON.createObjectBuilder();
    show.add("available_markets", markets(random));
    show.add("copyrights", JSON.createArrayBuilder());
    show.add("description", name(random).raw);
    show.add("html_description", name(random).raw);
    show.add("explicit", random.nextBoolean());
    show.add("external_urls", JSON.createObjectBuilder().add("spotify", word(random)));
    show.add("href", "https://api.spotify.com/v1/shows/x");
    show.add("id", word(random));
    List<String> showImages = new ArrayList<>();
    show.add("images", images(random, showImages));
    show.add("is_externally_hosted", random.nextBoolean());
    show.add("languages", JSON.createArrayBuilder().add("he"));
    show.add("media_type", pick(random, "audio", "mixed"));
    Piece showName = name(random);
    show.add("name", showName.raw);
    g.artists = showName.visible;
    int publisherChoice = random.nextInt(4);
    Piece publisher =
        publisherChoice == 0 ? showName : publisherChoice == 1 ? new Piece("", "") : name(random);
    show.add("publisher", publisher.raw);
    // The show is named once: a publisher that is the show is not shown again.
    g.album =
        withoutSpace(publisher.visible).equalsIgnoreCase(withoutSpace(showName.visible))
            ? null
            : publisher.visible;
    show.add("type", "show");
    show.add("uri", "spotify:show:" + word(random));
    show.add("total_episodes", extremeInteger(random));
    episode.add("show", show);
    g.goodImages.addAll(own.isEmpty() ? showImages : own);
    return episode;
  }

  private static JsonArrayBuilder artists(Random random, List<String> shown) {
    JsonArrayBuilder artists = JSON.createArrayBuilder();
    int count = random.nextInt(100) == 0 ? 3_000 : random.nextInt(4);
    for (int i = 0; i < count; i++) {
      Piece name = count > 100 ? new Piece("Artist " + i, "Artist" + i) : name(random);
      JsonObjectBuilder artist =
          JSON.createObjectBuilder()
              .add("external_urls", JSON.createObjectBuilder().add("spotify", "https://x"))
              .add("href", "https://api.spotify.com/v1/artists/x")
              .add("id", "a" + i)
              .add("type", "artist")
              .add("uri", "spotify:artist:a" + i);
      if (random.nextInt(20) > 0) {
        artist.add("name", name.raw);
        if (shown != null && !withoutSpace(name.visible).isEmpty()) {
          shown.add(name.visible);
        }
      }
      artists.add(artist);
    }
    return artists;
  }

  private static JsonArrayBuilder images(Random random, List<String> good) {
    JsonArrayBuilder images = JSON.createArrayBuilder();
    int count = random.nextInt(100) == 0 ? 2_000 : random.nextInt(5);
    for (int i = 0; i < count; i++) {
      JsonObjectBuilder image = JSON.createObjectBuilder();
      boolean fine = random.nextInt(3) > 0;
      String url =
          fine
              ? GOOD_URLS.get(random.nextInt(GOOD_URLS.size())) + "/" + i
              : BAD_URLS.get(random.nextInt(BAD_URLS.size()));
      image.add("url", url);
      if (fine) {
        good.add(url);
      }
      for (String side : List.of("width", "height")) {
        int choice = random.nextInt(6);
        if (choice == 0) {
          image.addNull(side);
        } else if (choice == 1) {
          image.add(side, Long.MAX_VALUE);
        } else if (choice == 2) {
          image.add(side, -1);
        } else {
          image.add(side, pick(random, 64, 300, 640, 0, 1_000_000));
        }
      }
      images.add(image);
    }
    return images;
  }

  private static JsonObjectBuilder device(Random random) {
    JsonObjectBuilder device =
        JSON.createObjectBuilder()
            .add("id", word(random))
            .add("is_active", random.nextBoolean())
            .add("is_private_session", random.nextBoolean())
            .add("is_restricted", random.nextBoolean())
            .add("name", name(random).raw)
            .add("type", pick(random, "computer", "smartphone", "speaker"))
            .add("supports_volume", random.nextBoolean());
    if (random.nextBoolean()) {
      device.addNull("volume_percent");
    } else {
      device.add("volume_percent", random.nextInt(101));
    }
    return device;
  }

  private static JsonObjectBuilder context(Random random) {
    return JSON.createObjectBuilder()
        .add("type", pick(random, "artist", "playlist", "album", "show"))
        .add("href", "https://api.spotify.com/v1/playlists/x")
        .add("external_urls", JSON.createObjectBuilder().add("spotify", "https://x"))
        .add("uri", "spotify:playlist:" + word(random));
  }

  private static JsonObjectBuilder actions(Random random) {
    JsonObjectBuilder disallows = JSON.createObjectBuilder();
    for (String action :
        List.of(
            "interrupting_playback",
            "pausing",
            "resuming",
            "seeking",
            "skipping_next",
            "skipping_prev",
            "toggling_repeat_context",
            "toggling_shuffle",
            "toggling_repeat_track",
            "transferring_playback")) {
      if (random.nextBoolean()) {
        disallows.add(action, random.nextBoolean());
      }
    }
    return random.nextBoolean()
        ? disallows
        : JSON.createObjectBuilder().add("disallows", disallows);
  }

  private static JsonArrayBuilder markets(Random random) {
    JsonArrayBuilder markets = JSON.createArrayBuilder();
    int count = random.nextInt(200) == 0 ? 5_000 : random.nextInt(3);
    for (int i = 0; i < count; i++) {
      markets.add("M" + (i % 100));
    }
    return markets;
  }

  /**
   * An integer field in milliseconds (Spotify's description: integer, "can be null"): absent, null,
   * ordinary, zero, negative, a day and a millisecond past it, the longest long, and numbers past
   * any long (as a JSON integer and in exponent form). Returns its exact value, or {@code null}
   * when absent or null.
   */
  private static BigDecimal millis(Random random, JsonObjectBuilder json, String key) {
    int choice = random.nextInt(16);
    BigDecimal value =
        switch (choice) {
          case 0 -> null;
          case 1 -> null;
          case 2 -> BigDecimal.ZERO;
          case 3 -> BigDecimal.valueOf(-1 - random.nextInt(1_000_000));
          case 4 -> BigDecimal.valueOf(Long.MAX_VALUE);
          case 5 -> BigDecimal.valueOf(Long.MIN_VALUE);
          case 6 -> new BigDecimal("1E+20");
          case 7 -> new BigDecimal("9.2E+18");
          case 8 -> BigDecimal.valueOf(DAY_MS);
          case 9 -> BigDecimal.valueOf(DAY_MS + 1);
          case 10 -> BigDecimal.valueOf(31_478_771L);
          default -> BigDecimal.valueOf(random.nextInt(3_600_000));
        };
    if (choice == 0) {
      return null;
    }
    if (choice == 1) {
      json.addNull(key);
      return null;
    }
    if (choice == 6 && random.nextBoolean()) {
      json.add(key, 1e20);
    } else if (choice == 6) {
      json.add(key, BigInteger.TEN.pow(20));
    } else if (choice == 7) {
      json.add(key, 9.2e18);
    } else {
      json.add(key, value.longValueExact());
    }
    return value;
  }

  private static long extremeInteger(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> Long.MAX_VALUE;
      case 1 -> Long.MIN_VALUE;
      case 2 -> -1;
      default -> random.nextInt(100_000);
    };
  }

  /** A name of random pieces, kept, stripped and spaces; now and then longer than any screen. */
  private static Piece name(Random random) {
    StringBuilder raw = new StringBuilder();
    StringBuilder visible = new StringBuilder();
    int count = random.nextInt(8);
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(10);
      List<Piece> from = kind < 5 ? KEPT : kind < 8 ? STRIPPED : SPACES;
      Piece piece = from.get(random.nextInt(from.size()));
      raw.append(piece.raw);
      visible.append(piece.visible);
    }
    if (random.nextInt(50) == 0) {
      String filler = "Long".repeat(400);
      raw.append(filler);
      visible.append(filler);
    }
    return new Piece(raw.toString(), visible.toString());
  }

  private static String word(Random random) {
    return Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static void optional(
      Random random, JsonObjectBuilder json, String key, java.util.function.Supplier<?> value) {
    int choice = random.nextInt(5);
    if (choice == 0) {
      return;
    }
    if (choice == 1) {
      json.addNull(key);
      return;
    }
    Object v = value.get();
    if (v instanceof JsonObjectBuilder object) {
      json.add(key, object);
    } else if (v instanceof Boolean bool) {
      json.add(key, bool);
    } else if (v instanceof Long number) {
      json.add(key, number);
    } else {
      json.add(key, String.valueOf(v));
    }
  }

  private static String abbreviated(String json) {
    return json.length() > 1200 ? json.substring(0, 1200) + "…(" + json.length() + ")" : json;
  }
}
