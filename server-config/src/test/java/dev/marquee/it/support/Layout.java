package dev.marquee.it.support;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Measures a page as Chromium laid it out (bounding boxes, with the machine's fonts): what sticks
 * out of the window, or out of a box that scrolls sideways (a cut-off table with no cue).
 */
public final class Layout {

  private Layout() {}

  /**
   * Everything wrong with the page's width, in words; empty when it fits: the document wider than
   * the window, an element whose right edge is beyond the window (or beyond the box that scrolls
   * it), a button of no size. Elements inside an ancestor that clips on purpose ({@code overflow:
   * hidden}, such as a table header kept for screen readers only) are not shown and not counted.
   */
  @SuppressWarnings("unchecked")
  public static List<String> problems(WebDriver driver) {
    Map<String, Object> measured =
        (Map<String, Object>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    """
                    var width = document.documentElement.clientWidth;
                    var problems = [];
                    if (document.documentElement.scrollWidth > width) {
                      problems.push('document ' + document.documentElement.scrollWidth
                          + ' px wide in a window of ' + width);
                    }
                    function name(e) {
                      return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (e.className && e.className.baseVal === undefined
                              ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')
                          + ' "' + (e.innerText || e.value || '').trim().slice(0, 30) + '"';
                    }
                    document.querySelectorAll('body *').forEach(function (e) {
                      var style = getComputedStyle(e);
                      if (style.display === 'none' || style.visibility === 'hidden') return;
                      var box = e.getBoundingClientRect();
                      if (box.width === 0 && box.height === 0) {
                        if (e.matches('input[type=submit], button')) {
                          problems.push('button of no size: ' + name(e));
                        }
                        return;
                      }
                      var limit = width;
                      for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                        var overflow = getComputedStyle(a).overflowX;
                        if (overflow === 'hidden' || overflow === 'clip') return;
                        if (overflow === 'auto' || overflow === 'scroll') {
                          limit = Math.min(limit, a.getBoundingClientRect().right);
                        }
                      }
                      if (box.right > limit + 0.5 || box.left < -0.5) {
                        problems.push(name(e) + ' spans ' + Math.round(box.left) + '..'
                            + Math.round(box.right) + ' px, visible up to ' + Math.round(limit));
                      }
                    });
                    return {problems: problems};
                    """);
    return (List<String>) measured.get("problems");
  }
}
