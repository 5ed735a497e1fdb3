package dev.marquee.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLSession;

/**
 * One HTTP/1.0 exchange over a socket bound to a chosen local address. The JDK's HTTP client of
 * Java 17 cannot choose its local address, and the console trusts no forwarding header: a test that
 * needs requests from many client addresses sends them from 127.0.0.2, 127.0.0.3, ... with this.
 * HTTP/1.0 keeps it small: one request per connection, the body ends where the connection does.
 */
final class LoopbackHttp {

  private static final int TIMEOUT_MILLIS = 30_000;

  private LoopbackHttp() {}

  /** A GET when {@code form} is null, else a POST of the URL-encoded form; cookies kept. */
  static HttpResponse<String> exchange(
      InetAddress from, URI uri, String form, CookieManager cookies) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder();
      head.append(form == null ? "GET " : "POST ")
          .append(uri.getRawPath())
          .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
          .append(" HTTP/1.0\r\n");
      head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
      cookies
          .get(uri, Map.of())
          .forEach(
              (name, values) ->
                  values.forEach(
                      value -> head.append(name).append(": ").append(value).append("\r\n")));
      if (form != null) {
        head.append("Content-Type: application/x-www-form-urlencoded\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      byte[] answer = socket.getInputStream().readAllBytes();
      Response response = parse(uri, form, answer);
      cookies.put(uri, response.headers().map());
      return response;
    }
  }

  private static Response parse(URI uri, String form, byte[] answer) throws IOException {
    int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (end < 0) {
      throw new IOException(
          "No complete HTTP answer from " + uri + " (" + answer.length + " bytes)");
    }
    String[] lines = new String(answer, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
    if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
      body = dechunked(body);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (form != null) {
      request.POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return new Response(
        status,
        request.build(),
        HttpHeaders.of(headers, (name, value) -> true),
        new String(body, StandardCharsets.UTF_8),
        uri);
  }

  private static byte[] dechunked(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int length = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (length == 0) {
        return body.toByteArray();
      }
      body.write(chunked, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, 0, pattern);
  }

  private static int indexOf(byte[] data, int from, byte[] pattern) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private record Response(
      int statusCode, HttpRequest request, HttpHeaders headers, String body, URI uri)
      implements HttpResponse<String> {

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
