package dev.marquee.device.render;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a text into a width and a number of lines: first by a smaller font (down to a floor that
 * stays legible from across a room), then by wrapping at the script's line breaks, and last by
 * cutting at a whole character with an ellipsis. Never wider than the width it is given.
 */
final class TextFit {
  static final String ELLIPSIS = "…";
  private static final float STEP = 0.92f;

  /** A fitted text: the font chosen and the lines, each no wider than asked. */
  record Fitted(Font font, List<String> lines, int lineHeight, int ascent) {
    int height() {
      return lines.size() * lineHeight;
    }
  }

  private TextFit() {}

  static Fitted fit(
      Graphics2D g, String text, int style, float size, float minSize, int width, int maxLines) {
    String clean = text.strip().replaceAll("\\s+", " ");
    for (float current = size; current >= minSize; current *= STEP) {
      Font font = Fonts.font(clean, style, current);
      FontMetrics metrics = g.getFontMetrics(font);
      List<String> lines = wrap(clean, metrics, width, Integer.MAX_VALUE);
      if (lines.size() <= maxLines) {
        return fitted(font, metrics, lines);
      }
    }
    Font font = Fonts.font(clean, style, minSize);
    FontMetrics metrics = g.getFontMetrics(font);
    return fitted(font, metrics, wrap(clean, metrics, width, maxLines));
  }

  private static Fitted fitted(Font font, FontMetrics metrics, List<String> lines) {
    return new Fitted(font, lines, metrics.getHeight(), metrics.getAscent());
  }

  /** Greedy wrapping at line-break opportunities; the last allowed line is ellipsized. */
  private static List<String> wrap(String text, FontMetrics metrics, int width, int maxLines) {
    List<Integer> stops = new ArrayList<>();
    BreakIterator breaks = BreakIterator.getLineInstance();
    breaks.setText(text);
    for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
      stops.add(end);
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    int next = 0;
    while (start < text.length()) {
      if (lines.size() == maxLines - 1) {
        lines.add(ellipsize(text.substring(start).strip(), metrics, width));
        return lines;
      }
      int end = -1;
      while (next < stops.size()
          && metrics.stringWidth(text.substring(start, stops.get(next)).strip()) <= width) {
        end = stops.get(next++);
      }
      if (end < 0) {
        // One word wider than the line: cut it at a whole character.
        int wordEnd = next < stops.size() ? stops.get(next) : text.length();
        end = start + charactersThatFit(text.substring(start, wordEnd), metrics, width);
      }
      lines.add(text.substring(start, end).strip());
      start = end;
    }
    if (lines.isEmpty()) {
      lines.add("");
    }
    return lines;
  }

  private static int charactersThatFit(String word, FontMetrics metrics, int width) {
    BreakIterator characters = BreakIterator.getCharacterInstance();
    characters.setText(word);
    int fit = characters.next();
    for (int end = characters.next(); end != BreakIterator.DONE; end = characters.next()) {
      if (metrics.stringWidth(word.substring(0, end)) > width) {
        break;
      }
      fit = end;
    }
    return Math.max(1, fit);
  }

  /** The longest start of the text, cut at a whole character, that fits with an ellipsis. */
  static String ellipsize(String text, FontMetrics metrics, int width) {
    if (metrics.stringWidth(text) <= width) {
      return text;
    }
    BreakIterator characters = BreakIterator.getCharacterInstance();
    characters.setText(text);
    int fit = 0;
    for (int end = characters.next(); end != BreakIterator.DONE; end = characters.next()) {
      if (metrics.stringWidth(text.substring(0, end).stripTrailing() + ELLIPSIS) > width) {
        break;
      }
      fit = end;
    }
    return text.substring(0, fit).stripTrailing() + ELLIPSIS;
  }
}
