package dev.marquee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One browser session against the console without a browser: cookies, redirects followed by hand
 * (so a test sees each one), and Faces forms submitted with every hidden field they carry (the view
 * state), as a browser would.
 */
public final class ConsoleClient {

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final InetAddress from;

  public ConsoleClient(URI base) {
    this(base, null);
  }

  /**
   * A session whose connections come from {@code from}, a loopback address other than 127.0.0.1
   * (Linux answers the whole of 127.0.0.0/8): the server sees a client of its own address, as it
   * would see another machine. {@code null} is the JDK's HTTP client from 127.0.0.1.
   */
  public ConsoleClient(URI base, InetAddress from) {
    this.base = base;
    this.from = from;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A page as the console answered it, after following redirects within the console. */
  public record Page(int status, URI uri, Document html, HttpResponse<String> response) {

    public String text(String cssQuery) {
      Element element = html.selectFirst(cssQuery);
      return element == null ? "" : element.text();
    }

    public boolean has(String cssQuery) {
      return html.selectFirst(cssQuery) != null;
    }

    public String body() {
      return response.body();
    }

    /** The page's messages, or its status and title when it shows none: for assertion messages. */
    public String describe() {
      String notices = notices();
      if (!notices.isEmpty()) {
        return notices;
      }
      String page = html.body() == null ? "" : html.body().text();
      return status + " " + uri.getPath() + " " + page.substring(0, Math.min(300, page.length()));
    }

    /** The texts of the messages the page shows (notices and Faces messages). */
    public String notices() {
      return html.select("#notices").text();
    }
  }

  public Page get(String pathAndQuery) {
    return follow(send(resolve(pathAndQuery), null));
  }

  /** A response without following its redirect. */
  public HttpResponse<String> getRaw(String pathAndQuery) {
    return send(resolve(pathAndQuery), null);
  }

  /**
   * Submits a form of the page: its fields as rendered, changed by {@code values} (keys are field
   * ids without the form prefix), and the named button.
   */
  public Page submit(Page page, String formId, Map<String, String> values, String buttonId) {
    return post(actionOf(page, formId), formFields(page, formId, values, buttonId));
  }

  /** The form's request, for tests that tamper with it before sending. */
  public Map<String, String> formFields(
      Page page, String formId, Map<String, String> values, String buttonId) {
    Element form = page.html().getElementById(formId);
    if (form == null) {
      throw new AssertionError("No form " + formId + " on " + page.uri() + ":\n" + page.body());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name], select[name], textarea[name]")) {
      String type = input.attr("type");
      if (type.equals("submit") || type.equals("button")) {
        continue;
      }
      String value =
          input.tagName().equals("select")
              ? Optional.ofNullable(input.selectFirst("option[selected]"))
                  .or(() -> Optional.ofNullable(input.selectFirst("option")))
                  .map(option -> option.attr("value"))
                  .orElse("")
              : input.attr("value");
      fields.put(input.attr("name"), value);
    }
    values.forEach((id, value) -> fields.put(formId + ":" + id, value));
    fields.put(formId + ":" + buttonId, "submit");
    return fields;
  }

  /** Posts raw form fields to a console path, as a forged or replayed request would. */
  public Page post(String path, Map<String, String> fields) {
    return follow(send(resolve(path), encode(fields)));
  }

  /** The action a page's form posts to, as a console path. */
  public static String actionOf(Page page, String formId) {
    Element form = page.html().getElementById(formId);
    return URI.create(form.attr("action")).getRawPath()
        + Optional.ofNullable(URI.create(form.attr("action")).getRawQuery())
            .map(q -> "?" + q)
            .orElse("");
  }

  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().get(base).stream()
        .filter(cookie -> cookie.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  public void forgetCookies() {
    cookies.getCookieStore().removeAll();
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private Page follow(HttpResponse<String> response) {
    HttpResponse<String> current = response;
    for (int hops = 0; hops < 10; hops++) {
      int status = current.statusCode();
      if (status != 301 && status != 302 && status != 303 && status != 307) {
        return new Page(
            status, current.uri(), Jsoup.parse(current.body(), current.uri().toString()), current);
      }
      URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
      if (!next.getAuthority().equals(base.getAuthority())) {
        return new Page(status, next, Jsoup.parse(""), current);
      }
      current = send(next, null);
    }
    throw new AssertionError("Too many redirects from " + response.uri());
  }

  private URI resolve(String pathAndQuery) {
    return base.resolve(pathAndQuery);
  }

  /** A GET when {@code form} is null, else a POST of the encoded form. */
  private HttpResponse<String> send(URI uri, String form) {
    try {
      if (from != null) {
        return LoopbackHttp.exchange(from, uri, form, cookies);
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(uri);
      if (form != null) {
        request
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
      }
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
