package dev.marquee.device.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.marquee.device.art.ArtScaler;
import dev.marquee.device.output.PngOutput;
import dev.marquee.device.view.AccountStatus;
import dev.marquee.device.view.FeedState;
import dev.marquee.device.view.IdleMode;
import dev.marquee.device.view.NowPlaying;
import dev.marquee.device.view.ScreenView;
import dev.marquee.device.view.Theme;
import dev.marquee.device.view.WidgetOptions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state rendered at the three reference sizes, without a display: each frame is saved to
 * {@code target/screens/<size>/<state>.png} and checked on its pixels. Frames are drawn into a
 * larger canvas filled with a sentinel colour, which must be untouched afterwards: nothing is drawn
 * outside the frame.
 */
class FrameRendererTest {
  private static final Path SCREENS = Path.of("target", "screens");
  private static final Color SENTINEL = new Color(255, 0, 255);
  private static final int MARGIN = 40;
  private static final Color ART = new Color(200, 40, 120);
  private static final Color DARK = new Color(0x10, 0x10, 0x10);
  private static final Instant FETCHED = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant NOW = FETCHED.plusSeconds(10);
  private static final String ART_URL = "http://sandbox.test/images/album-640.png";
  private static final String CLAIM = "http://127.0.0.1:8080/claim?code=K7QX-M4PD";
  private static final String LONG_TITLE =
      "The Extraordinarily Long And Winding Title Of A Track That Never Seems To End At All, "
          + "Part Two (Remastered Deluxe Anniversary Edition)";
  private static final String CJK_TITLE = "東京の夜明け、そして長い長い旅の始まり";

  private static final BufferedImage SOURCE_ART = sourceArt();
  private final FrameRenderer renderer =
      new FrameRenderer((url, size) -> ArtScaler.square(SOURCE_ART, size), ZoneOffset.UTC);

  static Stream<Arguments> sizes() {
    return Stream.of(Arguments.of(480, 320), Arguments.of(800, 480), Arguments.of(1920, 1080));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void pairingShowsTheCodeAndAQrCodeThatDecodesToTheClaimUrl(int width, int height)
      throws Exception {
    BufferedImage frame =
        draw(new ScreenView.Pairing("K7QX-M4PD", CLAIM), width, height, "pairing");

    Rectangle qr = Layout.of(width, height).art();
    BufferedImage code = frame.getSubimage(qr.x, qr.y, qr.width, qr.height);
    String decoded =
        new QRCodeReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(code))))
            .getText();
    assertThat(decoded).isEqualTo(CLAIM);
    assertThat(count(frame, Layout.of(width, height).text(), Palette.ACCENT)).isPositive();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void aPlayingTrackShowsItsArtAndAProgressBarInterpolatedToNow(int width, int height)
      throws Exception {
    BufferedImage frame =
        draw(showing(track("Opening Number", true), true), width, height, "playing");
    Layout layout = Layout.of(width, height);

    assertThat(new Color(frame.getRGB(1, height - 2))).isEqualTo(DARK);
    assertThat(centre(frame, layout.art())).isEqualTo(ART);
    // 73 s + 10 s since the fetch, of 215 s: the bar is filled to 38.6 %.
    Rectangle text = layout.text();
    int filled = accentRowLength(frame, text);
    assertThat((double) filled / text.width)
        .isCloseTo(83.0 / 215, org.assertj.core.data.Offset.offset(0.03));
    assertThat(count(frame, layout.marks(), Palette.OFFLINE)).isZero();
    assertNothingRightOfTheTextColumn(frame, layout);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void aPausedTrackShowsThePauseBadgeAndItsTimeStands(int width, int height) throws Exception {
    BufferedImage frame =
        draw(showing(track("Opening Number", false), true), width, height, "paused");
    Layout layout = Layout.of(width, height);

    assertThat(centre(frame, layout.art())).isNotEqualTo(ART);
    assertThat(count(frame, layout.art(), Color.WHITE)).isPositive();
    int filled = accentRowLength(frame, layout.text());
    assertThat((double) filled / layout.text().width)
        .isCloseTo(73.0 / 215, org.assertj.core.data.Offset.offset(0.03));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void anEpisodeIsLabelledAndShowsItsShow(int width, int height) throws Exception {
    NowPlaying episode =
        new NowPlaying(
            NowPlaying.Kind.EPISODE,
            "Episode 12: Signals",
            "The Show",
            "Signal Media",
            ART_URL,
            3_600_000,
            600_000,
            true,
            FETCHED);
    BufferedImage frame = draw(showing(episode, true), width, height, "episode");
    Layout layout = Layout.of(width, height);

    Rectangle upper =
        new Rectangle(
            layout.text().x, layout.text().y, layout.text().width, layout.text().height / 2);
    assertThat(count(frame, upper, Palette.ACCENT)).as("the PODCAST label").isPositive();
    assertNothingRightOfTheTextColumn(frame, layout);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void anUnknownDurationShowsNoProgressBarAndNoTimes(int width, int height) throws Exception {
    for (long duration : new long[] {0, -5, NowPlaying.MAX_DURATION_MS + 1, Long.MAX_VALUE}) {
      NowPlaying stream =
          new NowPlaying(
              NowPlaying.Kind.TRACK,
              "A Live Stream",
              "The Feeders",
              "Live",
              ART_URL,
              duration,
              Long.MAX_VALUE,
              true,
              FETCHED);
      BufferedImage frame = draw(showing(stream, true), width, height, "unknown-duration");
      Layout layout = Layout.of(width, height);
      int bar = layout.text().width / 4;
      assertThat(rowRun(frame, layout.text(), trackColour())).as("the bar's track").isLessThan(bar);
      assertThat(count(frame, layout.text(), Palette.ACCENT)).as("the bar's fill").isZero();
    }
    BufferedImage known =
        draw(showing(track("Opening Number", true), true), width, height, "playing");
    Rectangle column = Layout.of(width, height).text();
    assertThat(rowRun(known, column, trackColour())).isGreaterThan(column.width / 4);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void anAdAndAnUnknownItemAreDesignedStatesWithoutABar(int width, int height) throws Exception {
    for (NowPlaying.Kind kind :
        new NowPlaying.Kind[] {NowPlaying.Kind.AD, NowPlaying.Kind.UNKNOWN}) {
      NowPlaying item = new NowPlaying(kind, "", "", "", "", 0, 0, true, FETCHED);
      BufferedImage frame =
          draw(showing(item, true), width, height, kind.name().toLowerCase() + "-playing");
      Layout layout = Layout.of(width, height);
      assertThat(count(frame, layout.text(), Color.WHITE)).as(kind + ": a headline").isPositive();
      assertThat(rowRun(frame, layout.text(), trackColour()))
          .as(kind + ": no bar")
          .isLessThan(layout.text().width / 4);
      assertThat(count(frame, layout.text(), Palette.ACCENT)).as(kind + ": no fill").isZero();
      assertThat(count(frame, layout.art(), new Color(0x28, 0x28, 0x28)))
          .as(kind + ": the placeholder art")
          .isPositive();
      assertNothingRightOfTheTextColumn(frame, layout);
    }
    assertThat(FrameRenderer.headline(NowPlaying.Kind.AD)).isEqualTo("Advertisement");
    assertThat(FrameRenderer.headline(NowPlaying.Kind.UNKNOWN)).isEqualTo("Something is playing");
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void idleShowsThePlaceholderAndNoProgress(int width, int height) throws Exception {
    FeedState idle =
        new FeedState(
            "v-idle", options(Theme.DARK, IdleMode.PLACEHOLDER), AccountStatus.LIVE, null);
    BufferedImage frame =
        draw(new ScreenView.Showing(idle, null, true, Duration.ZERO), width, height, "idle");
    Layout layout = Layout.of(width, height);

    assertThat(count(frame, layout.art(), ART)).isZero();
    assertThat(count(frame, layout.art(), new Color(0x28, 0x28, 0x28))).isPositive();
    assertThat(count(frame, layout.text(), Palette.ACCENT)).isZero();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void offlineKeepsTheLastStateMarkedAndStopsTheTimeAtTheTracksEnd(int width, int height)
      throws Exception {
    ScreenView view = showing(track("Opening Number", true), false);
    BufferedImage frame = draw(view, width, height, "offline");
    Layout layout = Layout.of(width, height);

    assertThat(count(frame, layout.marks(), Palette.OFFLINE)).isPositive();
    assertThat(centre(frame, layout.art())).isEqualTo(ART);
    // An hour later the bar is full, not past it.
    BufferedImage later = renderer.render(view, NOW.plus(Duration.ofHours(1)), width, height);
    assertThat(accentRowLength(later, layout.text()))
        .isCloseTo(layout.text().width, org.assertj.core.data.Offset.offset(2));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void needsReconnectShowsADiscreetMark(int width, int height) throws Exception {
    FeedState state =
        new FeedState(
            "v2",
            options(Theme.DARK, IdleMode.PLACEHOLDER),
            AccountStatus.NEEDS_RECONNECT,
            track("Opening Number", true));
    BufferedImage frame =
        draw(
            new ScreenView.Showing(state, null, true, Duration.ZERO),
            width,
            height,
            "needs-reconnect");
    Layout layout = Layout.of(width, height);

    assertThat(count(frame, layout.marks(), Palette.ATTENTION)).isPositive();
    assertThat(count(frame, layout.marks(), Palette.OFFLINE)).isZero();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void anIdleScreenWhoseAccountNeedsReconnectingSaysSoInsteadOfIdling(int width, int height)
      throws Exception {
    FeedState reconnect =
        new FeedState(
            "v3", options(Theme.DARK, IdleMode.CLOCK), AccountStatus.NEEDS_RECONNECT, null);
    BufferedImage frame =
        draw(
            new ScreenView.Showing(reconnect, null, true, Duration.ZERO),
            width,
            height,
            "needs-reconnect-idle");
    Layout layout = Layout.of(width, height);
    Rectangle whole = new Rectangle(0, 0, width, height);

    // The attention dot above the message, centred; not the clock, no pill in the corner.
    assertThat(count(frame, new Rectangle(width / 3, 0, width / 3, height), Palette.ATTENTION))
        .isPositive();
    assertThat(count(frame, layout.marks(), Palette.ATTENTION)).isZero();
    assertThat(count(frame, whole, Palette.ATTENTION))
        .isEqualTo(count(frame, new Rectangle(width / 3, 0, width / 3, height), Palette.ATTENTION));
    FeedState clock =
        new FeedState("v4", options(Theme.DARK, IdleMode.CLOCK), AccountStatus.LIVE, null);
    BufferedImage clockFrame =
        draw(new ScreenView.Showing(clock, null, true, Duration.ZERO), width, height, "clock");
    assertThat(count(clockFrame, whole, Palette.ATTENTION)).isZero();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void aVeryLongTitleIsShortenedInsideItsColumn(int width, int height) throws Exception {
    BufferedImage frame = draw(showing(track(LONG_TITLE, true), true), width, height, "long-title");
    Layout layout = Layout.of(width, height);

    assertNothingRightOfTheTextColumn(frame, layout);
    // The progress bar still has its place below the shortened title.
    assertThat(accentRowLength(frame, layout.text())).isPositive();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void aCjkTitleIsDrawnWithAFontThatHasItsGlyphs(int width, int height) throws Exception {
    assumeTrue(
        Fonts.canShow(CJK_TITLE), "no CJK font installed (fonts-wqy-microhei or fonts-noto-cjk)");
    BufferedImage frame = draw(showing(track(CJK_TITLE, true), true), width, height, "cjk-title");
    Layout layout = Layout.of(width, height);

    assertThat(Fonts.font(CJK_TITLE, java.awt.Font.BOLD, 30).canDisplayUpTo(CJK_TITLE))
        .isEqualTo(-1);
    assertThat(count(frame, layout.text(), Color.WHITE)).isPositive();
    assertNothingRightOfTheTextColumn(frame, layout);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void themesAndTheProgressOptionChangeWhatIsDrawn(int width, int height) throws Exception {
    Layout layout = Layout.of(width, height);
    FeedState light =
        new FeedState(
            "v",
            new WidgetOptions(Theme.LIGHT, false, IdleMode.PLACEHOLDER),
            AccountStatus.LIVE,
            track("Opening Number", true));
    BufferedImage lightFrame =
        draw(
            new ScreenView.Showing(light, null, true, Duration.ZERO),
            width,
            height,
            "light-no-progress");
    assertThat(new Color(lightFrame.getRGB(1, height - 2))).isEqualTo(new Color(0xf4, 0xf4, 0xf0));
    assertThat(count(lightFrame, layout.text(), Palette.ACCENT)).isZero();

    FeedState gradient =
        new FeedState(
            "v",
            options(Theme.GRADIENT, IdleMode.PLACEHOLDER),
            AccountStatus.LIVE,
            track("Opening Number", true));
    BufferedImage gradientFrame =
        draw(
            new ScreenView.Showing(gradient, null, true, Duration.ZERO), width, height, "gradient");
    assertThat(new Color(gradientFrame.getRGB(0, 0))).isEqualTo(Palette.ACCENT);
    assertThat(new Color(gradientFrame.getRGB(width - 1, height - 1)))
        .isEqualTo(new Color(0x12, 0x12, 0x12));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("sizes")
  void lastTrackDimmedShowsTheLastTrackDarker(int width, int height) throws Exception {
    FeedState idle =
        new FeedState(
            "v-idle", options(Theme.DARK, IdleMode.LAST_TRACK_DIMMED), AccountStatus.LIVE, null);
    BufferedImage frame =
        draw(
            new ScreenView.Showing(idle, track("Opening Number", true), true, Duration.ZERO),
            width,
            height,
            "idle-last-track-dimmed");
    Color centre = centre(frame, Layout.of(width, height).art());

    assertThat(centre.getRed()).isLessThan(ART.getRed() / 2).isPositive();
  }

  // ---------------------------------------------------------------- helpers

  /** The unfilled bar's colour (the text colour, faint) as drawn on the dark background. */
  private static Color trackColour() {
    BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = pixel.createGraphics();
    g.setColor(DARK);
    g.fillRect(0, 0, 1, 1);
    g.setColor(Palette.of(Theme.DARK).track());
    g.fillRect(0, 0, 1, 1);
    g.dispose();
    return new Color(pixel.getRGB(0, 0));
  }

  private static WidgetOptions options(Theme theme, IdleMode idle) {
    return new WidgetOptions(theme, true, idle);
  }

  private static NowPlaying track(String title, boolean playing) {
    return new NowPlaying(
        NowPlaying.Kind.TRACK,
        title,
        "The Feeders",
        "Live at the Marquee",
        ART_URL,
        215_000,
        73_000,
        playing,
        FETCHED);
  }

  private static ScreenView showing(NowPlaying playing, boolean online) {
    FeedState state =
        new FeedState("v1", options(Theme.DARK, IdleMode.PLACEHOLDER), AccountStatus.LIVE, playing);
    return new ScreenView.Showing(state, playing, online, Duration.ZERO);
  }

  /** Renders inside a sentinel margin, checks the margin, saves the frame and returns it. */
  private BufferedImage draw(ScreenView view, int width, int height, String name) throws Exception {
    BufferedImage canvas =
        new BufferedImage(width + 2 * MARGIN, height + 2 * MARGIN, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    g.setColor(SENTINEL);
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    g.translate(MARGIN, MARGIN);
    renderer.render(view, NOW, g, width, height);
    g.dispose();
    for (int y = 0; y < canvas.getHeight(); y++) {
      for (int x = 0; x < canvas.getWidth(); x++) {
        boolean inside = x >= MARGIN && y >= MARGIN && x < MARGIN + width && y < MARGIN + height;
        if (!inside) {
          assertThat(canvas.getRGB(x, y))
              .as("pixel %d,%d outside the frame", x - MARGIN, y - MARGIN)
              .isEqualTo(SENTINEL.getRGB());
        }
      }
    }
    BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    frame.getGraphics().drawImage(canvas.getSubimage(MARGIN, MARGIN, width, height), 0, 0, null);
    Path file = SCREENS.resolve(width + "x" + height).resolve(name + ".png");
    Files.createDirectories(file.getParent());
    PngOutput.write(frame, name, file);
    return frame;
  }

  /** The pad right of the text column stays background on a flat theme: no text ran over. */
  private static void assertNothingRightOfTheTextColumn(BufferedImage frame, Layout layout) {
    Rectangle text = layout.text();
    int background = frame.getRGB(frame.getWidth() - 1, frame.getHeight() - 1);
    for (int y = text.y; y < text.y + text.height; y++) {
      for (int x = text.x + text.width + 1; x < frame.getWidth(); x++) {
        assertThat(frame.getRGB(x, y))
            .as("pixel %d,%d right of the text column", x, y)
            .isEqualTo(background);
      }
    }
  }

  private static Color centre(BufferedImage frame, Rectangle box) {
    return new Color(frame.getRGB(box.x + box.width / 2, box.y + box.height / 2));
  }

  private static int count(BufferedImage frame, Rectangle box, Color colour) {
    int count = 0;
    for (int y = box.y; y < Math.min(frame.getHeight(), box.y + box.height); y++) {
      for (int x = box.x; x < Math.min(frame.getWidth(), box.x + box.width); x++) {
        if (frame.getRGB(x, y) == colour.getRGB()) {
          count++;
        }
      }
    }
    return count;
  }

  /** The longest run of accent pixels in any row of the box: the filled part of the bar. */
  private static int accentRowLength(BufferedImage frame, Rectangle box) {
    return rowRun(frame, box, Palette.ACCENT);
  }

  /** The longest run of pixels of one colour in any row of the box: a bar, not text. */
  private static int rowRun(BufferedImage frame, Rectangle box, Color colour) {
    int longest = 0;
    for (int y = box.y; y < box.y + box.height; y++) {
      int run = 0;
      for (int x = box.x; x < box.x + box.width; x++) {
        run = frame.getRGB(x, y) == colour.getRGB() ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
    }
    return longest;
  }

  private static BufferedImage sourceArt() {
    BufferedImage art = new BufferedImage(640, 640, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = art.createGraphics();
    g.setColor(ART);
    g.fillRect(0, 0, 640, 640);
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 640, 40); // a band at the top, so the art is not one colour
    g.dispose();
    return art;
  }
}
