package dev.marquee.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.enums.Opcode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --check} end to end, against servers in this JVM on loopback ports. */
class ServerCheckTest {
  /**
   * How late a timed-out check may return: the client stops at its deadline, but a loaded machine
   * can wake a waiting thread late (0.7 s was seen with both cores busy). Still far below the
   * default 10 s, so a check that ignored --timeout would fail.
   */
  private static final Duration SLACK = Duration.ofSeconds(3);

  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stopServers() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  private TestScreenServer screenServer(BiConsumer<WebSocket, String> onText) throws Exception {
    TestScreenServer server = TestScreenServer.start(onText);
    servers.add(() -> server.stop(1000));
    return server;
  }

  private static String next(BlockingQueue<String> queue) throws InterruptedException {
    return queue.poll(5, TimeUnit.SECONDS);
  }

  @Test
  void printsTheServerVersionAndClosesNormally() throws Exception {
    TestScreenServer server = screenServer((conn, text) -> conn.send(TestScreenServer.HELLO));

    Cli cli = Cli.run("--server", server.url(), "--check");

    assertThat(cli.err()).isEmpty();
    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out())
        .matches(
            "Marquee 0\\.1\\.0 at "
                + Pattern.quote(server.url() + "/ws/screen")
                + " \\(round trip \\d+ ms\\)\\R");
    assertThat(next(server.paths)).isEqualTo("/ws/screen");
    assertThat(next(server.received))
        .isEqualTo(
            "{\"type\":\"hello\",\"client\":\"marquee-device/" + Cli.expectedVersion() + "\"}");
    assertThat(next(server.closes)).isEqualTo("1000");
  }

  @Test
  void appendsTheScreensPathToAnHttpBasePath() throws Exception {
    TestScreenServer server = screenServer((conn, text) -> conn.send(TestScreenServer.HELLO));
    String base = "http://127.0.0.1:" + server.getPort() + "/marquee/";

    Cli cli = Cli.run("--check", "--server", base);

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains(" at " + server.url() + "/marquee/ws/screen (round trip ");
    assertThat(next(server.paths)).isEqualTo("/marquee/ws/screen");
  }

  @Test
  void assemblesAHelloSentInFragments() throws Exception {
    byte[] hello = TestScreenServer.HELLO.getBytes(StandardCharsets.UTF_8);
    int half = hello.length / 2;
    TestScreenServer server =
        screenServer(
            (conn, text) -> {
              conn.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(hello, 0, half), false);
              conn.sendFragmentedFrame(
                  Opcode.TEXT, ByteBuffer.wrap(hello, half, hello.length - half), true);
            });

    Cli cli = Cli.run("--server", server.url(), "--check");

    assertThat(cli.err()).isEmpty();
    assertThat(cli.out()).startsWith("Marquee 0.1.0 at ");
    assertThat(cli.exitCode()).isZero();
  }

  @Test
  void aMessageOver64KiBIsAProtocolErrorAndClosesWith1008() throws Exception {
    TestScreenServer server =
        screenServer(
            (conn, text) ->
                conn.send("{\"type\":\"hello\",\"pad\":\"" + "x".repeat(70_000) + "\"}"));

    Cli cli = Cli.run("--server", server.url(), "--check");

    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err()).contains("the server sent a message over 65536 characters");
    assertThat(next(server.closes)).isEqualTo("1008 message too big");
  }

  @Test
  void reportsTheCloseCodeAndReasonWhenTheServerClosesInsteadOfAnswering() throws Exception {
    TestScreenServer server = screenServer((conn, text) -> conn.close(4400, "unknown type"));

    Cli cli = Cli.run("--server", server.url(), "--check");

    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .isEqualTo(
            "marquee-device: "
                + server.url()
                + "/ws/screen closed the connection instead of answering hello: 4400"
                + " (missing or unknown \"type\") \"unknown type\"\n");
  }

  @Test
  void anotherMessageThanHelloIsAProtocolError() throws Exception {
    TestScreenServer server =
        screenServer((conn, text) -> conn.send("{\"type\":\"state\",\"version\":3}"));

    Cli cli = Cli.run("--server", server.url(), "--check");

    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err())
        .isEqualTo(
            "marquee-device: protocol error from "
                + server.url()
                + "/ws/screen: the server answered with a \"state\" message instead of hello\n");
    assertThat(next(server.closes)).isEqualTo("1000");
  }

  @Test
  void malformedJsonIsAProtocolErrorAndClosesWith1008() throws Exception {
    TestScreenServer server = screenServer((conn, text) -> conn.send("{\"type\":\"hello\","));

    Cli cli = Cli.run("--server", server.url(), "--check");

    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err()).startsWith("marquee-device: protocol error from ").contains("malformed");
    assertThat(cli.err().lines()).hasSize(1);
    assertThat(next(server.closes)).isEqualTo("1008 malformed JSON");
  }

  @Test
  void aBinaryFrameIsAProtocolErrorAndClosesWith1008() throws Exception {
    TestScreenServer server =
        screenServer((conn, text) -> conn.send(ByteBuffer.wrap(new byte[] {1, 2, 3})));

    Cli cli = Cli.run("--server", server.url(), "--check");

    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err()).contains("the server sent a binary frame");
    assertThat(next(server.closes)).isEqualTo("1008 binary frame");
  }

  @Test
  void anHttpServerThatRefusesTheUpgradeIsAProtocolError() throws Exception {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.start();
    servers.add(() -> http.stop(0));
    String url = "http://127.0.0.1:" + http.getAddress().getPort();

    Cli cli = Cli.run("--server", url, "--check");

    assertThat(cli.exitCode()).isEqualTo(3);
    assertThat(cli.err())
        .isEqualTo(
            "marquee-device: ws://127.0.0.1:"
                + http.getAddress().getPort()
                + "/ws/screen refused the WebSocket upgrade with HTTP 404:"
                + " is it a Marquee server, and is the base path right?\n");
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    Cli cli = Cli.run("--server", "ws://127.0.0.1:" + port, "--check", "--timeout", "5");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .startsWith("marquee-device: cannot connect to ws://127.0.0.1:" + port + "/ws/screen: ")
        .containsIgnoringCase("connection refused")
        .doesNotContain("Exception", "\tat ");
    assertThat(cli.err().lines()).hasSize(1);
  }

  @Test
  void aServerThatAcceptsAndNeverAnswersTimesOut() throws Exception {
    ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    servers.add(silent);
    List<Socket> accepted = new ArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                accepted.add(silent.accept()); // and never read or write
              } catch (IOException closed) {
                // the test is over
              }
            });
    acceptor.start();
    servers.add(
        () -> {
          silent.close();
          acceptor.join();
          for (Socket socket : accepted) {
            socket.close();
          }
        });

    Cli cli =
        Cli.run("--server", "ws://127.0.0.1:" + silent.getLocalPort(), "--check", "--timeout", "1");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .isEqualTo(
            "marquee-device: no answer from ws://127.0.0.1:"
                + silent.getLocalPort()
                + "/ws/screen within 1 s (waiting for the WebSocket handshake)\n");
    assertThat(cli.took()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(1).plus(SLACK));
  }

  @Test
  void aWebSocketServerThatNeverSaysHelloTimesOut() throws Exception {
    TestScreenServer server = screenServer((conn, text) -> {});

    Cli cli = Cli.run("--server", server.url(), "--check", "--timeout", "2");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .isEqualTo(
            "marquee-device: no answer from "
                + server.url()
                + "/ws/screen within 2 s (waiting for the server's hello)\n");
    assertThat(cli.took()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(2).plus(SLACK));
  }
}
