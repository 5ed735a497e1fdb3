package dev.marquee.polling.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The bounds a name or a link from Spotify is held to before a screen shows it
 * (docs/architecture.md, "What screens are shown"). Spotify's description says only "string": a
 * name may carry NUL, other control characters or bidi overrides that reorder the rest of a
 * screen's line, an image "URL" may be any word or a {@code javascript:} link.
 */
public final class DisplayText {

  /** At most this many characters of a name reach a screen (what the database keeps). */
  public static final int MAX_LENGTH = 1000;

  private static final int ZWNJ = 0x200C;
  private static final int ZWJ = 0x200D;
  private static final int LRM = 0x200E;
  private static final int RLM = 0x200F;
  private static final int ALM = 0x061C;
  private static final int BLACK_FLAG = 0x1F3F4;
  private static final int TAG_FIRST = 0xE0020;
  private static final int CANCEL_TAG = 0xE007F;

  private DisplayText() {}

  /**
   * A name as screens may show it, or {@code null} when nothing of it is left.
   *
   * <ul>
   *   <li>Control characters (Unicode category Cc: NUL, DEL, C1 controls) are removed; the ones
   *       that break lines or tabulate (TAB, LF, VT, FF, CR, NEL) and the line and paragraph
   *       separators (Zl, Zp) become a space: a name is one line.
   *   <li>Format characters (Cf) are removed, among them the bidi embeddings, overrides and
   *       isolates (U+202A–U+202E, U+2066–U+2069), zero-width space (U+200B), word joiner, BOM and
   *       soft hyphen, except what right-to-left text and emoji need: the marks LRM, RLM and ALM
   *       (U+200E, U+200F, U+061C, which change no state beyond their own character), ZWNJ (U+200C,
   *       Persian and Indic spelling), ZWJ (U+200D, emoji sequences and Indic scripts), the Arabic
   *       number signs that are drawn (U+0600–U+0605, U+06DD) and tag characters inside an emoji
   *       flag sequence (U+1F3F4 followed by U+E0020–U+E007F).
   *   <li>Unpaired surrogates (not text at all) are removed.
   *   <li>Leading and trailing white space is removed, and the rest is cut to {@link #MAX_LENGTH}
   *       characters (ending in "…", never splitting a surrogate pair).
   * </ul>
   */
  public static String name(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder(Math.min(raw.length(), MAX_LENGTH + 2));
    boolean inFlag = false;
    int i = 0;
    // Enough to know whether the name must be cut, without copying a name of megabytes.
    while (i < raw.length() && kept.length() <= 2 * MAX_LENGTH) {
      int c = raw.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      boolean flagTag = inFlag && c >= TAG_FIRST && c <= CANCEL_TAG;
      inFlag = c == BLACK_FLAG || (flagTag && c != CANCEL_TAG);
      if (type == Character.CONTROL
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        if (kept.length() > 0 && (Character.isWhitespace(c) || c == 0x85)) {
          kept.append(' ');
        }
      } else if (Character.isWhitespace(c) && kept.length() == 0) {
        continue;
      } else if (type == Character.FORMAT) {
        if (flagTag || keptFormat(c)) {
          kept.appendCodePoint(c);
        }
      } else if (type != Character.SURROGATE) {
        kept.appendCodePoint(c);
      }
    }
    String text = kept.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = MAX_LENGTH - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /**
   * Whether two names are the same to a reader: equal but for white space and case ("The Show" and
   * "the show"). {@code null} is no name and the same as nothing.
   */
  public static boolean sameName(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    return withoutSpace(a).equalsIgnoreCase(withoutSpace(b));
  }

  private static String withoutSpace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean keptFormat(int c) {
    return c == ZWNJ
        || c == ZWJ
        || c == LRM
        || c == RLM
        || c == ALM
        || (c >= 0x0600 && c <= 0x0605)
        || c == 0x06DD;
  }

  /**
   * An image link as screens may load it, or {@code null}: only an absolute {@code https:} or
   * {@code http:} URL with a host, at most {@link #MAX_LENGTH} characters, that {@link URI} parses
   * (no spaces, no control characters). Anything else (a plain word, which a browser would take as
   * a path of its own page, {@code javascript:}, {@code data:}) is dropped, not repaired.
   */
  public static String imageUrl(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
      return null;
    }
    try {
      URI uri = new URI(raw);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null || uri.getHost().isEmpty()) {
        return null;
      }
      String lower = scheme.toLowerCase(Locale.ROOT);
      if (!lower.equals("https") && !lower.equals("http")) {
        return null;
      }
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c <= 0x20 || c == 0x7F || c > 0x7E) {
          // URI accepts "other" characters (non-ASCII, some invisible); a link screens load
          // must be plain ASCII, as Spotify's are.
          return null;
        }
      }
      return raw;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
