package dev.marquee.device.render;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks a font that has the glyphs of a text: the logical {@code SansSerif} when it can (fontconfig
 * already falls back for many scripts), else the first installed family that can show the text,
 * remembered per script. On a Pi, CJK titles need a CJK font package (see docs/device-client.md).
 */
final class Fonts {
  private static final String BASE = Font.SANS_SERIF;
  private static final Map<Character.UnicodeScript, String> FALLBACKS = new ConcurrentHashMap<>();

  private Fonts() {}

  static Font font(String text, int style, float size) {
    Font base = new Font(BASE, style, 1).deriveFont(size);
    int missing = base.canDisplayUpTo(text);
    if (missing < 0) {
      return base;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(text.codePointAt(missing));
    String family = FALLBACKS.computeIfAbsent(script, s -> fallback(text));
    return new Font(family, style, 1).deriveFont(size);
  }

  /** Whether some installed font can show every character of the text. */
  static boolean canShow(String text) {
    return font(text, Font.PLAIN, 12).canDisplayUpTo(text) < 0;
  }

  private static String fallback(String text) {
    for (String family :
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
      if (new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) < 0) {
        return family;
      }
    }
    return BASE;
  }
}
