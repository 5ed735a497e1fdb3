package dev.marquee.sandbox.accounts;

import dev.marquee.sandbox.http.Html;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.users.SandboxAccount;
import java.util.List;

/**
 * The plain HTML pages of {@code /authorize}: the consent form and the error page. Every value is
 * escaped; the form carries only the pending-authorization id, the chosen user and the decision.
 */
final class ConsentPage {

  private static final String STYLE =
      "body{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;color:#191414}"
          + "h1{font-size:1.4em}button{font-size:1em;padding:.5em 1.5em;margin-right:1em}"
          + "select{font-size:1em;padding:.3em}.note{color:#666;font-size:.9em}";

  private ConsentPage() {}

  static HttpReply consent(AuthorizeRequest request, String pendingId, List<SandboxAccount> users) {
    StringBuilder html = new StringBuilder(2048);
    html.append(head("Authorize " + request.app().name()))
        .append("<h1>")
        .append(Html.escape(request.app().name()))
        .append(" wants to connect to your Spotify account</h1>\n");
    if (request.scopes().isEmpty()) {
      html.append("<p>It asks for no special permissions.</p>\n");
    } else {
      html.append("<p>It asks for these permissions:</p>\n<ul>\n");
      request
          .scopes()
          .forEach(scope -> html.append("<li>").append(Html.escape(scope)).append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append("<form method=\"post\" action=\"/authorize/decision\">\n")
        .append("<input type=\"hidden\" name=\"pending\" value=\"")
        .append(Html.escape(pendingId))
        .append("\">\n");
    if (users.isEmpty()) {
      html.append("<p>There are no sandbox users yet: create one with POST /sandbox/users.</p>\n");
    } else {
      html.append("<p><label>Log in as <select name=\"user\">\n");
      users.forEach(
          account ->
              html.append("<option value=\"")
                  .append(Html.escape(account.id()))
                  .append("\">")
                  .append(Html.escape(account.user().displayName()))
                  .append(" (")
                  .append(Html.escape(account.id()))
                  .append(")</option>\n"));
      html.append("</select></label></p>\n")
          .append("<button type=\"submit\" name=\"decision\" value=\"approve\">Agree</button>");
    }
    html.append("<button type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button>\n")
        .append("</form>\n<p class=\"note\">You will be sent back to ")
        .append(Html.escape(request.redirectUri()))
        .append("</p>\n</body></html>\n");
    return secured(HttpReply.html(200, html.toString()));
  }

  static HttpReply error(int status, String message) {
    String html =
        head("Error")
            + "<h1>Oops! Something went wrong</h1>\n<p>"
            + Html.escape(message)
            + "</p>\n</body></html>\n";
    return secured(HttpReply.html(status, html));
  }

  private static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + Html.escape(title)
        + " - Spotify sandbox</title><style>"
        + STYLE
        + "</style></head><body>\n";
  }

  /** Consent pages must not be framed (clickjacking) or cached. */
  private static HttpReply secured(HttpReply reply) {
    return reply
        .withHeader("X-Frame-Options", "DENY")
        .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .withHeader("Cache-Control", "no-store");
  }
}
