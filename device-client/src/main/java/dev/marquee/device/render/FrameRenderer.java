package dev.marquee.device.render;

import dev.marquee.device.view.AccountStatus;
import dev.marquee.device.view.FeedState;
import dev.marquee.device.view.IdleMode;
import dev.marquee.device.view.NowPlaying;
import dev.marquee.device.view.ScreenView;
import dev.marquee.device.view.Theme;
import dev.marquee.device.view.WidgetOptions;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link ScreenView} with Java2D: the device's own layout for small screens, honouring the
 * widget options a device can (theme, progress, idle). Stateless apart from its art lookup: every
 * frame is drawn whole from the view and the time.
 */
public final class FrameRenderer {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

  private final ArtLookup art;
  private final ZoneId zone;

  public FrameRenderer(ArtLookup art, ZoneId zone) {
    this.art = art;
    this.zone = zone;
  }

  /** A new frame of the given size. */
  public BufferedImage render(ScreenView view, Instant deviceNow, int width, int height) {
    BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    try {
      render(view, deviceNow, g, width, height);
    } finally {
      g.dispose();
    }
    return frame;
  }

  /** Draws into {@code g} from (0, 0) to (width, height); nothing outside. */
  public void render(ScreenView view, Instant deviceNow, Graphics2D g, int width, int height) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    Layout layout = Layout.of(width, height);
    if (view instanceof ScreenView.Showing showing) {
      showing(g, layout, showing, showing.serverTime(deviceNow));
    } else if (view instanceof ScreenView.Pairing pairing) {
      pairing(g, layout, pairing);
    } else if (view instanceof ScreenView.Stopped stopped) {
      message(g, layout, stopped.message(), Palette.ATTENTION);
    } else if (view instanceof ScreenView.Starting starting) {
      message(g, layout, starting.message(), Palette.of(Theme.DARK).secondary());
    }
  }

  // ---------------------------------------------------------------- the feed

  private void showing(Graphics2D g, Layout layout, ScreenView.Showing view, Instant serverNow) {
    FeedState state = view.state();
    WidgetOptions options = state.options();
    Palette palette = Palette.of(options.theme());
    background(g, layout, palette);
    if (state.showsReconnect()) {
      reconnect(g, layout, palette);
    } else if (!state.idle()) {
      nowPlaying(g, layout, palette, state.nowPlaying(), options.showProgress(), serverNow);
    } else {
      idle(g, layout, palette, options.idle(), view.lastTrack(), serverNow);
    }
    marks(g, layout, view.online(), state);
  }

  /** What an idle screen says while an account needs reconnecting; nothing private. */
  public static final String RECONNECT_MESSAGE =
      "Spotify account needs to be reconnected by an admin";

  /**
   * Nothing plays that Marquee can see and an account needs reconnecting: said across the frame, in
   * place of any idle option ("nothing playing" would be a guess).
   */
  private static void reconnect(Graphics2D g, Layout layout, Palette palette) {
    float u = layout.unit();
    int width = layout.width() - Math.round(16 * u);
    Block text = block(g, RECONNECT_MESSAGE, Font.BOLD, 8 * u, width, 3, palette.text());
    int dot = Math.round(10 * u);
    int gap = Math.round(5 * u);
    int y = (layout.height() - dot - gap - text.fitted().height()) / 2;
    g.setColor(Palette.ATTENTION);
    g.fillOval((layout.width() - dot) / 2, y, dot, dot);
    text.drawCentred(g, layout.width(), y + dot + gap);
  }

  private void nowPlaying(
      Graphics2D g,
      Layout layout,
      Palette palette,
      NowPlaying playing,
      boolean showProgress,
      Instant serverNow) {
    Rectangle box = layout.art();
    drawArt(g, box, palette, playing);
    if (!playing.playing()) {
      pauseBadge(g, box);
    }
    Rectangle text = layout.text();
    float u = layout.unit();
    List<Block> blocks = new ArrayList<>();
    String headline = headline(playing.kind());
    if (headline != null) {
      // An ad or something Marquee does not know: said so, not an empty frame.
      blocks.add(block(g, headline, Font.BOLD, 9 * u, text.width, 2, palette.text()));
      if (!playing.title().isEmpty()) {
        blocks.add(block(g, playing.title(), Font.PLAIN, 6 * u, text.width, 1, palette.text()));
      }
    } else {
      if (playing.episode()) {
        blocks.add(block(g, "PODCAST", Font.BOLD, 3.5f * u, text.width, 1, Palette.ACCENT));
      }
      blocks.add(block(g, playing.title(), Font.BOLD, 9 * u, text.width, 2, palette.text()));
    }
    // An episode's show once: older servers sent it as both artist and album.
    if (!playing.artist().isEmpty()
        && (!playing.episode() || !playing.artist().equals(playing.album()))) {
      blocks.add(block(g, playing.artist(), Font.PLAIN, 6 * u, text.width, 1, palette.text()));
    }
    if (!playing.album().isEmpty()) {
      blocks.add(
          block(g, playing.album(), Font.PLAIN, 4.5f * u, text.width, 1, palette.secondary()));
    }
    int gap = Math.round(2 * u);
    // No bar and no times for an unknown duration (an ad, a stream): nothing to measure.
    showProgress = showProgress && playing.durationKnown();
    int progressHeight = showProgress ? Math.round(10 * u) : 0;
    int height = progressHeight;
    for (Block block : blocks) {
      height += block.fitted().height() + gap;
    }
    int y = text.y + Math.max(0, (text.height - height) / 2);
    for (Block block : blocks) {
      y = block.draw(g, text.x, y) + gap;
    }
    if (showProgress) {
      progress(
          g,
          new Rectangle(
              text.x, y + Math.round(2 * u), text.width, progressHeight - Math.round(2 * u)),
          palette,
          playing,
          serverNow,
          u);
    }
  }

  /** What an ad or an unknown item says in place of a title; {@code null} for the others. */
  static String headline(NowPlaying.Kind kind) {
    return switch (kind) {
      case AD -> "Advertisement";
      case UNKNOWN -> "Something is playing";
      default -> null;
    };
  }

  private void progress(
      Graphics2D g,
      Rectangle area,
      Palette palette,
      NowPlaying playing,
      Instant serverNow,
      float u) {
    long progress = playing.progressAt(serverNow);
    int barHeight = Math.max(2, Math.round(1.4f * u));
    int barY = area.y;
    g.setColor(palette.track());
    g.fillRoundRect(area.x, barY, area.width, barHeight, barHeight, barHeight);
    int filled = (int) Math.round(area.width * (double) progress / playing.durationMs());
    g.setColor(Palette.ACCENT);
    g.fillRoundRect(area.x, barY, Math.min(area.width, filled), barHeight, barHeight, barHeight);
    Font font = Fonts.font("0:00", Font.PLAIN, 4 * u);
    g.setFont(font);
    g.setColor(palette.secondary());
    int baseline = barY + barHeight + Math.round(1.5f * u) + g.getFontMetrics().getAscent();
    g.drawString(formattedTime(progress), area.x, baseline);
    String total = formattedTime(playing.durationMs());
    g.drawString(total, area.x + area.width - g.getFontMetrics().stringWidth(total), baseline);
  }

  private void idle(
      Graphics2D g,
      Layout layout,
      Palette palette,
      IdleMode mode,
      NowPlaying lastTrack,
      Instant serverNow) {
    if (mode == IdleMode.LAST_TRACK_DIMMED && lastTrack != null) {
      nowPlaying(g, layout, palette, lastTrack, false, serverNow);
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
      g.setColor(Color.BLACK);
      g.fillRect(0, 0, layout.width(), layout.height());
      g.setComposite(AlphaComposite.SrcOver);
    } else if (mode == IdleMode.CLOCK) {
      clock(g, layout, palette, serverNow);
    } else if (mode != IdleMode.NOTHING) {
      placeholder(g, layout.art(), palette);
      float u = layout.unit();
      Block block =
          block(g, "Nothing playing", Font.BOLD, 8 * u, layout.text().width, 1, palette.text());
      Rectangle text = layout.text();
      block.draw(g, text.x, text.y + (text.height - block.fitted().height()) / 2);
    }
  }

  private void clock(Graphics2D g, Layout layout, Palette palette, Instant serverNow) {
    ZonedDateTime now = serverNow.atZone(zone);
    float u = layout.unit();
    int width = layout.width() - Math.round(12 * u);
    Block time = block(g, CLOCK.format(now), Font.BOLD, 30 * u, width, 1, palette.text());
    Block date = block(g, DATE.format(now), Font.PLAIN, 6 * u, width, 1, palette.secondary());
    int height = time.fitted().height() + date.fitted().height();
    int y = (layout.height() - height) / 2;
    y = time.drawCentred(g, layout.width(), y);
    date.drawCentred(g, layout.width(), y);
  }

  private void drawArt(Graphics2D g, Rectangle box, Palette palette, NowPlaying playing) {
    BufferedImage image = playing.hasArt() ? art.art(playing.artUrl(), box.width) : null;
    if (image == null) {
      placeholder(g, box, palette);
    } else {
      g.drawImage(image, box.x, box.y, box.width, box.height, null);
    }
  }

  /** A rounded square with a note: art not there (yet), or nothing to show. */
  private static void placeholder(Graphics2D g, Rectangle box, Palette palette) {
    g.setColor(new Color(0x28, 0x28, 0x28));
    int corner = box.width / 25;
    g.fillRoundRect(box.x, box.y, box.width, box.height, corner, corner);
    g.setColor(new Color(0x5a, 0x5a, 0x5a));
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(box.width * 0.4f);
    g.setFont(font);
    String note = font.canDisplay('♪') ? "♪" : "...";
    int w = g.getFontMetrics().stringWidth(note);
    g.drawString(
        note,
        box.x + (box.width - w) / 2,
        box.y + box.height / 2 + g.getFontMetrics().getAscent() / 3);
  }

  /** Two bars in a dark circle over the art: paused. */
  private static void pauseBadge(Graphics2D g, Rectangle box) {
    int diameter = box.width / 3;
    int x = box.x + (box.width - diameter) / 2;
    int y = box.y + (box.height - diameter) / 2;
    g.setColor(new Color(0, 0, 0, 150));
    g.fillOval(x, y, diameter, diameter);
    g.setColor(Color.WHITE);
    int bar = diameter / 8;
    int barHeight = diameter / 2;
    int top = y + (diameter - barHeight) / 2;
    g.fillRect(x + diameter / 2 - bar - bar / 2, top, bar, barHeight);
    g.fillRect(x + diameter / 2 + bar / 2, top, bar, barHeight);
  }

  /**
   * Offline, needs reconnect and stale, as small pills at the top right. No reconnect pill when the
   * whole frame says so already.
   */
  private static void marks(Graphics2D g, Layout layout, boolean online, FeedState state) {
    AccountStatus status = state.status();
    List<String> labels = new ArrayList<>();
    List<Color> colours = new ArrayList<>();
    if (!online) {
      labels.add("Offline");
      colours.add(Palette.OFFLINE);
    }
    if (state.reconnectNeeded() && !state.showsReconnect()) {
      labels.add("Reconnect Spotify");
      colours.add(Palette.ATTENTION);
    } else if (status == AccountStatus.STALE) {
      labels.add("Not updated");
      colours.add(Palette.STALE);
    }
    Rectangle band = layout.marks();
    int right = band.x + band.width;
    Font font = Fonts.font("Offline", Font.BOLD, band.height * 0.5f);
    g.setFont(font);
    int pad = band.height / 3;
    for (int i = 0; i < labels.size(); i++) {
      int textWidth = g.getFontMetrics().stringWidth(labels.get(i));
      int width = textWidth + band.height + pad;
      int x = Math.max(band.x, right - width);
      g.setColor(new Color(0, 0, 0, 170));
      g.fillRoundRect(x, band.y, width, band.height, band.height, band.height);
      g.setColor(colours.get(i));
      int dot = band.height / 2;
      g.fillOval(x + pad, band.y + (band.height - dot) / 2, dot, dot);
      g.setColor(Color.WHITE);
      g.drawString(
          labels.get(i),
          x + pad + dot + pad / 2,
          band.y
              + (band.height + g.getFontMetrics().getAscent() - g.getFontMetrics().getDescent())
                  / 2);
      right = x - pad;
    }
  }

  // ---------------------------------------------------------------- pairing and messages

  private static void pairing(Graphics2D g, Layout layout, ScreenView.Pairing pairing) {
    Palette palette = Palette.of(Theme.DARK);
    background(g, layout, palette);
    QrCodes.draw(g, pairing.claimUrl(), layout.art().x, layout.art().y, layout.art().width);
    Rectangle text = layout.text();
    float u = layout.unit();
    List<Block> blocks =
        List.of(
            block(g, "Pair this screen", Font.BOLD, 7 * u, text.width, 1, palette.text()),
            block(g, pairing.code(), Font.BOLD, 13 * u, text.width, 1, Palette.ACCENT),
            block(
                g,
                "Scan the code, or enter it at",
                Font.PLAIN,
                4 * u,
                text.width,
                2,
                palette.secondary()),
            block(
                g,
                claimPage(pairing.claimUrl()),
                Font.PLAIN,
                4 * u,
                text.width,
                2,
                palette.text()));
    int gap = Math.round(3 * u);
    int height = 0;
    for (Block block : blocks) {
      height += block.fitted().height() + gap;
    }
    int y = text.y + Math.max(0, (text.height - height) / 2);
    for (Block block : blocks) {
      y = block.draw(g, text.x, y) + gap;
    }
  }

  /** Where to type the code: the console's pairing page, without the code in the link. */
  private static String claimPage(String claimUrl) {
    URI uri = URI.create(claimUrl);
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return authority + path.replaceFirst("/claim$", "/pair.xhtml");
  }

  private static void message(Graphics2D g, Layout layout, String message, Color colour) {
    background(g, layout, Palette.of(Theme.DARK));
    float u = layout.unit();
    int width = layout.width() - Math.round(12 * u);
    Block title = block(g, "Marquee", Font.BOLD, 10 * u, width, 1, Palette.of(Theme.DARK).text());
    Block text = block(g, message, Font.PLAIN, 5 * u, width, 3, colour);
    int y = (layout.height() - title.fitted().height() - text.fitted().height()) / 2;
    y = title.drawCentred(g, layout.width(), y);
    text.drawCentred(g, layout.width(), y);
  }

  private static void background(Graphics2D g, Layout layout, Palette palette) {
    g.setPaint(palette.backgroundPaint(layout.width(), layout.height()));
    g.fillRect(0, 0, layout.width(), layout.height());
  }

  // ---------------------------------------------------------------- text

  private static Block block(
      Graphics2D g, String text, int style, float size, int width, int lines, Color colour) {
    return new Block(TextFit.fit(g, text, style, size, size * 0.7f, width, lines), colour, width);
  }

  /** Fitted lines of text in one colour. */
  private record Block(TextFit.Fitted fitted, Color colour, int width) {
    /** Draws from the top at y; returns the y below. */
    int draw(Graphics2D g, int x, int y) {
      g.setFont(fitted.font());
      g.setColor(colour);
      for (String line : fitted.lines()) {
        g.drawString(line, x, y + fitted.ascent());
        y += fitted.lineHeight();
      }
      return y;
    }

    int drawCentred(Graphics2D g, int frameWidth, int y) {
      g.setFont(fitted.font());
      g.setColor(colour);
      for (String line : fitted.lines()) {
        int lineWidth = g.getFontMetrics().stringWidth(line);
        g.drawString(line, (frameWidth - lineWidth) / 2, y + fitted.ascent());
        y += fitted.lineHeight();
      }
      return y;
    }
  }

  /** {@code 2:05} or {@code 1:02:05}, as the server formats times. */
  public static String formattedTime(long millis) {
    long seconds = Math.max(0, millis) / 1000;
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long rest = seconds % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
  }
}
