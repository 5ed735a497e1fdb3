package dev.marquee.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.marquee.sandbox.SpotifySandbox;
import dev.marquee.sandbox.accounts.AuthorizationPageException;
import dev.marquee.sandbox.http.Exchanges;
import dev.marquee.sandbox.http.HttpReply;
import dev.marquee.sandbox.http.Json;
import dev.marquee.sandbox.http.Parameters;
import dev.marquee.sandbox.http.ReplyingHandler;
import dev.marquee.sandbox.playback.DemoCatalog;
import dev.marquee.sandbox.playback.PlaybackSnapshot;
import dev.marquee.sandbox.playback.Player;
import dev.marquee.sandbox.users.SandboxAccount;
import dev.marquee.sandbox.users.UserDirectory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /sandbox/...}: drives the sandbox over HTTP (users, playback, faults, counters, clock,
 * approving authorizations) for tests and demos outside the JVM. It calls the same library methods
 * as in-process tests, so both behave identically. Unauthenticated: bind to loopback.
 */
public final class ControlApiHandler extends ReplyingHandler {

  private final SpotifySandbox sandbox;

  public ControlApiHandler(SpotifySandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  protected HttpReply reply(HttpExchange exchange) throws IOException {
    try {
      return route(exchange);
    } catch (ControlApiException e) {
      return error(e.status(), e.getMessage());
    } catch (UserDirectory.UnknownUserException e) {
      return error(404, e.getMessage());
    } catch (AuthorizationPageException e) {
      return error(e.status(), e.getMessage());
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    }
  }

  private HttpReply route(HttpExchange exchange) throws IOException {
    List<String> path = segments(exchange.getRequestURI().getPath());
    String method = exchange.getRequestMethod();
    Parameters query = Exchanges.query(exchange);
    String resource = path.isEmpty() ? "status" : path.get(0);
    return switch (resource) {
      case "status" -> only(path, 1, method, "GET", () -> status());
      case "apps" -> only(path, 1, method, "POST", () -> registerApp(exchange));
      case "authorize" -> only(path, 1, method, "POST", () -> authorize(exchange, query));
      case "users" -> users(exchange, path, method, query);
      case "catalog" ->
          only(
              path,
              1,
              method,
              "GET",
              () -> HttpReply.json(200, ControlJson.items(DemoCatalog.all())));
      case "clock" -> clock(path, method, query);
      case "faults" -> faults(exchange, path, method);
      case "counters" -> counters(path, method);
      default -> throw ControlApiException.notFound();
    };
  }

  private HttpReply status() {
    ObjectNode node =
        Json.object()
            .put("base_uri", sandbox.baseUri().toString())
            .put("demo", sandbox.isDemo())
            .put("now", sandbox.clock().instant().toString())
            .put("controllable_clock", sandbox.controllableClock().isPresent());
    ArrayNode apps = node.putArray("apps");
    sandbox.clientIds().forEach(apps::add);
    ArrayNode users = node.putArray("users");
    sandbox.users().forEach(account -> users.add(ControlJson.account(account)));
    return HttpReply.json(200, node);
  }

  private HttpReply registerApp(HttpExchange exchange) throws IOException {
    sandbox.registerApp(ControlRequests.app(jsonBody(exchange)));
    return HttpReply.json(201, Json.object().put("registered", true));
  }

  /** The user's part of the consent page: the body (or {@code url}) is the authorize URL. */
  private HttpReply authorize(HttpExchange exchange, Parameters query) throws IOException {
    String url =
        query
            .first("url")
            .orElseGet(() -> new String(bodyUnchecked(exchange), StandardCharsets.UTF_8).trim());
    if (url.isEmpty()) {
      throw ControlApiException.badRequest("Send the authorize URL as the body or ?url=");
    }
    URI authorizeUri = URI.create(url);
    boolean deny = query.first("decision").orElse("approve").equals("deny");
    URI location;
    if (deny) {
      location = sandbox.deny(authorizeUri);
    } else {
      String user =
          query.first("user").orElseThrow(() -> ControlApiException.badRequest("Missing ?user="));
      location = sandbox.approve(authorizeUri, user);
    }
    return HttpReply.json(200, Json.object().put("location", location.toString()));
  }

  private HttpReply users(HttpExchange exchange, List<String> path, String method, Parameters query)
      throws IOException {
    if (path.size() == 1) {
      return switch (method) {
        case "GET" -> {
          ArrayNode array = Json.array();
          sandbox.users().forEach(account -> array.add(ControlJson.account(account)));
          yield HttpReply.json(200, array);
        }
        case "POST" -> createUser(jsonBody(exchange));
        default -> throw ControlApiException.methodNotAllowed();
      };
    }
    SandboxAccount account =
        sandbox
            .user(path.get(1))
            .orElseThrow(() -> new UserDirectory.UnknownUserException(path.get(1)));
    if (path.size() == 2) {
      requireMethod(method, "GET");
      return HttpReply.json(200, ControlJson.account(account));
    }
    if (path.size() != 3) {
      throw ControlApiException.notFound();
    }
    String action = path.get(2);
    if (action.equals("playback")) {
      requireMethod(method, "GET");
      return playback(account.player().snapshot());
    }
    if (action.equals("queue")) {
      if (!method.equals("PUT") && !method.equals("POST")) {
        throw ControlApiException.methodNotAllowed();
      }
      return playback(account.player().setQueue(ControlRequests.queue(jsonBody(exchange))));
    }
    requireMethod(method, "POST");
    return playerAction(account, action, query);
  }

  private HttpReply createUser(JsonNode body) {
    SandboxAccount account = sandbox.createUser(ControlRequests.user(body));
    if (body.has("queue")) {
      Player player = account.player();
      player.setQueue(ControlRequests.queue(body.get("queue")));
      if (!body.path("playing").asBoolean(true)) {
        player.pause();
      }
    }
    return HttpReply.json(201, ControlJson.account(account));
  }

  private HttpReply playerAction(SandboxAccount account, String action, Parameters query) {
    Player player = account.player();
    return switch (action) {
      case "play" -> playback(player.play());
      case "pause" -> playback(player.pause());
      case "skip", "next" -> playback(player.skip());
      case "previous" -> playback(player.previous());
      case "stop" -> playback(player.stop());
      case "seek" -> playback(player.seek(longParameter(query, "position_ms")));
      case "revoke" ->
          HttpReply.json(
              200, Json.object().put("revoked_authorizations", sandbox.revokeUser(account.id())));
      default -> throw ControlApiException.notFound();
    };
  }

  private HttpReply clock(List<String> path, String method, Parameters query) {
    if (path.size() == 1) {
      requireMethod(method, "GET");
      return clockReply(sandbox.clock().instant());
    }
    if (path.size() == 2 && path.get(1).equals("advance")) {
      requireMethod(method, "POST");
      long ms = longParameter(query, "ms");
      if (sandbox.controllableClock().isEmpty()) {
        throw new ControlApiException(
            409, "The sandbox runs on the real clock; start it with --controllable-clock");
      }
      return clockReply(sandbox.advanceClock(Duration.ofMillis(ms)));
    }
    throw ControlApiException.notFound();
  }

  private HttpReply clockReply(Instant now) {
    return HttpReply.json(
        200,
        Json.object()
            .put("now", now.toString())
            .put("epoch_ms", now.toEpochMilli())
            .put("controllable", sandbox.controllableClock().isPresent()));
  }

  private HttpReply faults(HttpExchange exchange, List<String> path, String method)
      throws IOException {
    if (path.size() != 1) {
      throw ControlApiException.notFound();
    }
    return switch (method) {
      case "GET" -> HttpReply.json(200, ControlJson.faults(sandbox.faults().pending()));
      case "POST" -> {
        sandbox.injectFault(ControlRequests.fault(jsonBody(exchange)));
        yield HttpReply.json(201, ControlJson.faults(sandbox.faults().pending()));
      }
      case "DELETE" -> {
        sandbox.faults().clear();
        yield HttpReply.empty(204);
      }
      default -> throw ControlApiException.methodNotAllowed();
    };
  }

  private HttpReply counters(List<String> path, String method) throws IOException {
    if (path.size() == 3) {
      return only(
          path,
          3,
          method,
          "GET",
          () ->
              HttpReply.json(
                  200,
                  ControlJson.callLog(
                      path.get(1),
                      path.get(2),
                      sandbox.counters().calls(path.get(1), path.get(2)),
                      sandbox.counters().times(path.get(1), path.get(2)))));
    }
    if (path.size() != 1) {
      throw ControlApiException.notFound();
    }
    return switch (method) {
      case "GET" -> HttpReply.json(200, ControlJson.counters(sandbox.counters().snapshot()));
      case "DELETE" -> {
        sandbox.counters().reset();
        yield HttpReply.empty(204);
      }
      default -> throw ControlApiException.methodNotAllowed();
    };
  }

  private static HttpReply playback(PlaybackSnapshot snapshot) {
    return HttpReply.json(200, ControlJson.playback(snapshot));
  }

  private static HttpReply error(int status, String message) {
    return HttpReply.json(status, Json.object().put("error", message));
  }

  private interface Action {
    HttpReply run() throws IOException;
  }

  /** Serves a resource that has no sub-paths and one method. */
  private static HttpReply only(
      List<String> path, int length, String method, String allowed, Action action)
      throws IOException {
    if (path.size() > length) {
      throw ControlApiException.notFound();
    }
    requireMethod(method, allowed);
    return action.run();
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw ControlApiException.methodNotAllowed();
    }
  }

  private static long longParameter(Parameters query, String name) {
    String value =
        query
            .first(name)
            .orElseThrow(() -> ControlApiException.badRequest("Missing ?" + name + "="));
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ControlApiException.badRequest(name + " must be an integer");
    }
  }

  private static JsonNode jsonBody(HttpExchange exchange) throws IOException {
    return Json.parse(Exchanges.body(exchange));
  }

  private static byte[] bodyUnchecked(HttpExchange exchange) {
    try {
      return Exchanges.body(exchange);
    } catch (IOException e) {
      throw ControlApiException.badRequest("Could not read the request body");
    }
  }

  /** {@code /sandbox/users/x/play} gives {@code [users, x, play]}. */
  private static List<String> segments(String path) {
    String rest = path.length() > "/sandbox".length() ? path.substring("/sandbox".length()) : "";
    if (!rest.isEmpty() && !rest.startsWith("/")) {
      throw ControlApiException.notFound();
    }
    return Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
  }
}
